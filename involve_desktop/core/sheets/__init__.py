"""Printable sheets: shared page layout, one module per sheet, and the catalogue of them."""
