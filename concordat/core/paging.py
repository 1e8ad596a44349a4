"""Page numbers from the address, made safe before any query uses them."""

# No list on the site runs to this many pages; a larger number is taken as the last page.
MAX_PAGE = 100_000


def page_number(value, *, maximum=MAX_PAGE):
    """The page asked for, from 1 to `maximum`: 1 for nothing or nonsense, `maximum` for a
    number past it (`?page=999999999999999999999` becomes an offset a database can hold)."""
    text = str(value or "").strip()
    if not text.isdigit() or not text.isascii():
        return 1
    if len(text) > len(str(maximum)):
        return maximum
    return min(max(1, int(text)), maximum)
