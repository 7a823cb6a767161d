// Search over every meeting with the Pagefind index in ../pagefind/, all local files.
// The page works without this script, except for the search itself.
const form = document.querySelector("form.zoeken");
const input = document.getElementById("zoekterm");
const results = document.getElementById("zoekresultaten");
let pagefind = null;

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Pagefind marks the words found with <mark>; everything else is shown as text.
function excerpt(text) {
  return escapeHtml(text).replace(/&lt;(\/?)mark&gt;/g, "<$1mark>");
}

// Pagefind's URLs start at the site's root ("/2024-01-24/index.html"); this page lies in
// that root, so the same path without its slash works under any URL prefix.
function relative(url) {
  return url.replace(/^\/+/, "");
}

async function search(term) {
  if (!pagefind) {
    pagefind = await import("../pagefind/pagefind.js");
  }
  const found = await pagefind.search(term);
  const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  const count = found.results.length;
  let html = `<h2>${count === 0 ? "Geen resultaten" : count === 1 ? "1 resultaat" : `${count} resultaten`} voor ‘${escapeHtml(term)}’</h2>`;
  if (data.length) {
    html += "<ol class=\"resultaten\">";
    for (const item of data) {
      const title = item.meta && item.meta.title ? item.meta.title : relative(item.url);
      html += `<li><a href="${escapeHtml(relative(item.url))}">${escapeHtml(title)}</a><p>${excerpt(item.excerpt)}</p></li>`;
    }
    html += "</ol>";
  }
  results.innerHTML = html;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const term = input.value.trim();
  if (term) {
    history.replaceState(null, "", `?q=${encodeURIComponent(term)}`);
    search(term).catch(() => {
      results.innerHTML = "<p>Zoeken lukt hier niet: open de site via een webserver.</p>";
    });
  }
});

const start = new URLSearchParams(location.search).get("q");
if (start) {
  input.value = start;
  form.requestSubmit();
}
