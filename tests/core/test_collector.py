"""collector_paused: the cycle collector off for one call, back on after it, even on error."""

import gc

import pytest

from concordat.core.collector import collector_paused


def test_the_collector_is_paused_inside_and_back_on_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("layout failed")
    assert gc.isenabled()

    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had paused it keeps it paused
    finally:
        gc.enable()
