"""Reading a members spreadsheet (CSV or Excel .xlsx) into rows of trimmed text.

Handles what real spreadsheets contain: UTF-8 with or without a BOM, UTF-16 ("Unicode
text" from Excel), Windows-1252, ``;``/``,``/tab separators, blank lines and stray spaces.
Every row keeps the row number the user sees in their spreadsheet (the header is usually
row 1), so problems can be reported against it: a cell that spans several text lines (an
address with line breaks) is still one row, as Excel shows it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from involve_desktop.core.collector import collector_paused
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services.member_import_mapping import guess_field

MAX_ROWS = 50_000
MAX_FILE_BYTES = 50 * 1024 * 1024
SEPARATORS = ";,\t"
_HEADER_SEARCH_ROWS = 10
# Exports put an apostrophe before text that a spreadsheet would run as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@")


class ImportFileError(InvolveError):
    """The file could not be read as a spreadsheet; the message says why and what to do."""


@dataclass(frozen=True)
class SourceRow:
    """One non-blank row: its row number in the spreadsheet and its trimmed cells.

    ``line`` is the row number Excel or LibreOffice shows (not the text line of the file:
    a cell with line breaks in it does not push the rows below it down).
    """

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ImportTable:
    """A spreadsheet as read: the header row's cells and the rows below it.

    ``single_byte_csv``: the text came from a CSV in a single-byte encoding (Excel's plain
    "CSV", Windows-1252), which writes "?" for letters it cannot hold; False for UTF-8
    with letters beyond plain ASCII, BOM-marked UTF-8 or UTF-16, and Excel workbooks.
    """

    file_name: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    header_line: int = 1
    single_byte_csv: bool = False

    def samples(self, column: int, limit: int = 3) -> list[str]:
        """The first few non-blank values of ``column`` (shown next to the column mapping)."""
        found: list[str] = []
        for row in self.rows:
            if column < len(row.cells) and row.cells[column]:
                found.append(row.cells[column])
                if len(found) >= limit:
                    break
        return found


def column_letter(index: int) -> str:
    """Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def clean_cell(text: str) -> str:
    """A cell's text trimmed, without the apostrophe that protects formula-like text."""
    value = text.strip()
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_STARTS:
        return value[1:]
    return value


def decode_bytes(data: bytes) -> str:
    """Text from a CSV file's bytes: BOM-marked UTF-8/16, else UTF-8, else Windows-1252."""
    return decode_csv(data)[0]


def decode_csv(data: bytes) -> tuple[str, bool]:
    """Text from a CSV file's bytes, and whether it may be a single-byte encoding.

    Plain ASCII without a BOM counts as single-byte: it is exactly what Excel's plain
    "CSV" writes when every letter it lost became "?", so it cannot be told from UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), False
    try:
        return data.decode("utf-8"), data.isascii()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), True
    except UnicodeDecodeError:
        return data.decode("latin-1"), True  # every byte is a character: never fails


def _separator_score(lines: list[str], separator: str) -> tuple[float, int]:
    """How well ``separator`` splits ``lines``: share of rows with the usual width, and it."""
    try:
        widths = [len(cells) for cells in csv.reader(lines, delimiter=separator)]
    except csv.Error:
        return 0.0, 1
    usual = max(set(widths), key=lambda w: (widths.count(w), w))
    if usual < 2:
        return 0.0, 1
    return widths.count(usual) / len(widths), usual


def guess_separator(text: str) -> str:
    """The separator between cells: the one that splits the first lines most evenly.

    csv.Sniffer alone is fooled by a "Surname, First" column in a ``;`` file (one comma on
    every line looks as regular as five semicolons), so each candidate is scored on how
    evenly and how widely it splits the lines, and the Sniffer only breaks a tie.
    """
    lines = [line for line in text.splitlines() if line.strip()][:50]
    if not lines:
        return ","
    scores = {sep: _separator_score(lines, sep) for sep in SEPARATORS}
    best = max(scores.values())
    tied = [sep for sep, score in scores.items() if score == best]
    if best[1] < 2:
        return ","
    if len(tied) > 1:
        try:
            sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(tied)).delimiter
        except csv.Error:
            sniffed = ""
        return sniffed if sniffed in tied else tied[0]
    return tied[0]


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """(spreadsheet row number, cells) for each record, blank ones included.

    The row number counts records, not text lines (``reader.line_num`` would): a quoted
    cell spanning three lines is one row in Excel, so the rows below keep their numbers.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=guess_separator(text))
    records: list[tuple[int, list[str]]] = []
    try:
        for row, cells in enumerate(reader, start=1):
            records.append((row, cells))
            if len(records) > MAX_ROWS + _HEADER_SEARCH_ROWS:
                raise ImportFileError(_too_many_rows())
    except csv.Error as err:
        raise ImportFileError(
            f"Row {len(records) + 1} of the file could not be read as CSV ({err}). Open it "
            "in a spreadsheet program, save it again as CSV, and try again."
        ) from err
    return records


def _too_many_rows() -> str:
    return (
        f"This file has more than {MAX_ROWS:,} rows. Split it into smaller files and import "
        "them one after another."
    )


def _cell_text(value: Any) -> str:
    """An Excel cell's value as text; dates as 2021-04-03, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, cells) from the sheet of an Excel workbook that holds the list: the one
    with the most filled-in rows (a "Read me" or notes sheet before it is passed over)."""
    from openpyxl import load_workbook  # imported here: CSV imports do not need it

    try:
        # From memory, not the path: openpyxl refuses names not ending in .xlsx.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - zip, XML and openpyxl errors alike
        raise ImportFileError(
            f"{name} could not be opened as an Excel workbook. If it has a password, "
            "remove it; otherwise save it again from Excel as .xlsx or as CSV."
        ) from err
    try:
        best: list[tuple[int, list[str]]] = []
        best_filled = -1
        for sheet in book.worksheets:
            records: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                records.append((number, [_cell_text(v) for v in values]))
                if len(records) > MAX_ROWS + _HEADER_SEARCH_ROWS:
                    raise ImportFileError(_too_many_rows())
            filled = sum(1 for _n, cells in records if any(c.strip() for c in cells))
            if filled > best_filled:
                best, best_filled = records, filled
        return best
    except ImportFileError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged workbook can raise almost anything
        raise ImportFileError(
            f"{name} is damaged or not a normal Excel workbook. Save it again from "
            "Excel as .xlsx or as CSV and try again."
        ) from err
    finally:
        book.close()


def _header_index(records: list[tuple[int, tuple[str, ...]]]) -> int:
    """Which of the first rows is the header: the first with a heading we recognise."""
    for index, (_line, cells) in enumerate(records[:_HEADER_SEARCH_ROWS]):
        if any(guess_field(cell) is not None for cell in cells):
            return index
    return 0


def _used_width(cells: tuple[str, ...]) -> int:
    """How many cells up to and including the last non-blank one."""
    for index in range(len(cells), 0, -1):
        if cells[index - 1]:
            return index
    return 0


def table_from_records(
    file_name: str, raw: list[tuple[int, list[str]]], *, single_byte_csv: bool = False
) -> ImportTable:
    """Trim cells, drop blank rows, find the header row and pad rows to its width."""
    cleaned = ((line, tuple(map(clean_cell, cells))) for line, cells in raw)
    records = [(line, cells) for line, cells in cleaned if any(cells)]
    if not records:
        raise ImportFileError(f"{file_name} is empty: there are no rows to import.")
    head = _header_index(records)
    header_line, header = records[head]
    width = max(_used_width(cells) for _line, cells in records[head:])
    headers = tuple(
        (header[i] if i < len(header) and header[i] else f"(column {column_letter(i)})")
        for i in range(width)
    )
    rows = tuple(
        SourceRow(line, (cells + ("",) * width)[:width]) for line, cells in records[head + 1 :]
    )
    if not rows:
        raise ImportFileError(
            f"{file_name} has a header row but no members below it. Add the members, one "
            "per row, and try again."
        )
    return ImportTable(file_name, headers, rows, header_line, single_byte_csv)


@collector_paused()
def read_table(path: Path) -> ImportTable:
    """Read a CSV or .xlsx file into an ImportTable; raises ImportFileError in plain words."""
    try:
        if path.is_dir():
            raise ImportFileError(f"{path.name} is a folder. Choose a spreadsheet file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError(
                f"{path.name} is too large to be a members list. Check you chose the right file."
            )
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise ImportFileError(f"{path.name} could not be found. Choose the file again.") from err
    except OSError as err:
        raise ImportFileError(
            f"{path.name} could not be opened ({err.strerror or err}). If it is open in "
            "another program, close it and try again."
        ) from err
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return table_from_records(path.name, _xlsx_rows(path.name, data))
    if data.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() == ".xls":
        raise ImportFileError(
            f"{path.name} is an old-style Excel file (.xls). Open it in Excel or LibreOffice "
            "and save it as .xlsx or CSV, then import that."
        )
    text, single_byte = decode_csv(data)
    if "\x00" in text:
        raise ImportFileError(
            f"{path.name} does not look like a spreadsheet. Choose a CSV or .xlsx file."
        )
    return table_from_records(path.name, _csv_rows(text), single_byte_csv=single_byte)
