"""The snippets that make review in git work, kept in one place.

The README shows them and a later `stukken init` writes them into a new workspace, so
both say the same: the pre-commit hook that runs `stukken check`, and the git diff
driver that shows YAML files through `stukken diff --textconv`.
"""

from __future__ import annotations

# .pre-commit-config.yaml: a local hook, so it works offline with the installed stukken.
PRE_COMMIT_CONFIG = """\
repos:
  - repo: local
    hooks:
      - id: stukken-check
        name: stukken check
        entry: stukken check
        language: system
        files: ^(stukken\\.ya?ml|meetings/)
        pass_filenames: false
"""

# .gitattributes: which files git diffs through the driver named "stukken".
GITATTRIBUTES = """\
stukken.yaml diff=stukken
meetings/**/*.yaml diff=stukken
"""

# The driver itself (per clone: git does not read it from the repository).
TEXTCONV_CONFIG = 'git config diff.stukken.textconv "stukken diff --textconv"'
