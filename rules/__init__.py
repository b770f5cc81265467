"""The rule packs that ship with gailint (installed as ``gailint_rules``)."""
