"""Demo workbooks in the template format, written with openpyxl as a coordinator would save them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook as OpenpyxlWorkbook


@dataclass
class Workbook:
    """A file name and its sheets: sheet name -> rows (dicts keyed by template headers)."""

    name: str
    sheets: dict[str, list[dict]]

    def write(self, folder: Path) -> Path:
        """Write the workbook to ``folder`` and return its path."""
        book = OpenpyxlWorkbook()
        book.remove(book.active)
        for title, rows in self.sheets.items():
            sheet = book.create_sheet(title)
            headers = list(dict.fromkeys(k for row in rows for k in row))
            sheet.append(headers)
            for row in rows:
                sheet.append([row.get(h) for h in headers])
        path = Path(folder) / self.name
        book.save(path)
        return path
