"""`stukken serve`: a live preview of one meeting's documents in the browser.

voorbeeld.py renders the documents' HTML (the templates the PDFs use), stand.py holds
what the server shows and its version counters, paginas.py writes the pages around it
(overview, error page, reload script) and handler.py answers HTTP requests, serving no
file outside the workspace, the template folders and the output folder.
commands/serve.py ties them to a file watcher and an HTTP server thread.
"""
