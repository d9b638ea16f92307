"""Session fixtures: the two reference articles (copied from ../shared/samples), analysed once."""
from __future__ import annotations

import datetime as dt
import pathlib

import pytest

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SAMPLE1 = FIXTURES / "000_41a3ad0639280a39.txt"  # Rai al-Youm, published 2020-04-02
SAMPLE2 = FIXTURES / "004_ae8fdf272db8b2a8.txt"  # Arabi21, published 2019-05-16


def _analyze_file(path: pathlib.Path, published: dt.date):
    import marsad
    from marsad.ingest import read_path

    (record,) = [r for r in read_path(path)]
    return marsad.analyze(record.text, title=record.title, outlet=record.outlet, published=published)


@pytest.fixture(scope="session")
def sample1():
    """Sample 1 ingested from its text file and analysed with publication date 2020-04-02."""
    return _analyze_file(SAMPLE1, dt.date(2020, 4, 2))


@pytest.fixture(scope="session")
def sample2():
    """Sample 2 ingested from its text file and analysed with publication date 2019-05-16."""
    return _analyze_file(SAMPLE2, dt.date(2019, 5, 16))
