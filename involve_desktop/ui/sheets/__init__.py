"""The Sheets area: choose a printable sheet, set its options, preview, print or save it."""
