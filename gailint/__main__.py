# `python -m` puts the working folder first on sys.path: drop it before any rule
# pack is looked for, so a report checkout cannot plant one (see importpath.py).
from gailint.importpath import forget_import_paths

forget_import_paths()

from gailint.cli import main  # noqa: E402

raise SystemExit(main())
