"""How dates and times read, per language (Django's FORMAT_MODULE_PATH points here; a format not
named here, and every Spanish one, is Django's own for that language).

No format may end in an abbreviation's period: a date or time is often the last word of a
sentence, and "5 p.m." there reads "5 p.m..". `core/tests/test_formats.py` walks every format of
every language offered."""
