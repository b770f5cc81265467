from gailint.cli import main

raise SystemExit(main())
