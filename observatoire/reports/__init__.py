"""Exports of the monthly review: printable HTML, PDF with chart images, XLSX of the figures."""
