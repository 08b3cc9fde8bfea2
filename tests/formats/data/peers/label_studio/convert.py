"""How json_min.json, export.csv, export_tsv.csv and export.conll were made (not a test):
label-studio-converter 0.0.59 in a scratch venv, run where make_export.py wrote export.json."""

from pathlib import Path

from label_studio_converter import Converter

converter = Converter(Path("label_config.xml").read_text(), project_dir=".")
for fmt, out in [("JSON_MIN", "min"), ("CSV", "csv"), ("TSV", "tsv"), ("CONLL2003", "conll")]:
    converter.convert("full_export.json", out, fmt, is_dir=False)
