"""The public website (`stukken publiceer`): every meeting's public edition as static files.

The pipeline per meeting is the public edition's (woo/editie.py): the redacted copy of the
workspace, its PDF attachments screened, gathered once. From that job come the public PDFs
(`documenten`), the data of the pages and the JSON (`gegevens`), the HTML pages
(`paginas`), the open data around them (`opendata`: JSON Schema, DiWoo metadata, sitemap,
Atom) and the search index (`zoeken`, Pagefind). Before anything is written every text
file and the search index are read back (`controle`) as the public edition reads its PDFs.
"""
