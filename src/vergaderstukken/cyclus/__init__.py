"""The meeting cycle's files: what `stukken init`, `nieuw` and `verslag` write.

`yamltekst` writes YAML line by line, every value through PyYAML; `sjablonen` holds the
texts of a new workspace. The commands in `commands/` decide what goes in.
"""
