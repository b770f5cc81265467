"""Tests of the national rule pack, one module per rules module."""
