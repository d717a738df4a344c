"""Adding articles: front matter found or asked for, duplicates refused, near-duplicates reported."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.adding import (
    AddSettings,
    ArticleError,
    ArticleMetadata,
    add_articles,
    read_article,
    shared_share,
    shingles,
    text_digest,
)
from pipeline.reading import read_document

from .conftest import FIXTURES

ARTICLES = FIXTURES / "workflow" / "articles"
GIVEN = ArticleMetadata(title="Clash near Gao", source="Test Wire", published=date(2013, 3, 4))


def test_adding_html_page_gives_main_text_and_metadata():
    article = read_article(ARTICLES / "kidal-raid.html")
    assert article.front == {
        "title": "Rebels raid army post near Kidal",
        "source": "Sahel Wire",
        "url": "https://sahel-wire.example/2012/01/kidal-raid",
        "published": date(2012, 1, 20),
        "language": "en",
    }
    assert article.body.startswith("MNLA fighters attacked the Malian army in Aguelhok")
    assert "Subscribe" not in article.body and "Home" not in article.body


@pytest.mark.parametrize(
    ("name", "given", "message"),
    [
        ("undated.html", ArticleMetadata(),
         "undated.html: the page does not state source, published; give them with --source NAME, --published YYYY-MM-DD"),
        ("undated.html", ArticleMetadata(source="Radio"),
         "undated.html: the page does not state published; give it with --published YYYY-MM-DD"),
        ("gao-clash.txt", ArticleMetadata(),
         "gao-clash.txt: the file's front matter lacks title, source, published; give them with --title TEXT, "
         "--source NAME, --published YYYY-MM-DD"),
    ],
)
def test_adding_missing_required_field_is_asked_for(name, given, message):
    with pytest.raises(ArticleError) as caught:
        read_article(ARTICLES / name, given)
    assert str(caught.value) == f"{(ARTICLES / name).as_posix()[:-len(name)]}{message}"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.pdf", b"%PDF", "notes.pdf: cannot add a .pdf file; expected one of .txt, .md, .html, .htm"),
        ("broken.txt", b"\xff\xfe", "broken.txt:1: invalid UTF-8 at byte 0"),
        ("keys.md", b"---\nauthor: Me\n---\nText.\n", "keys.md:2: front matter [author] Extra inputs are not permitted"),
        ("blank.html", b"<html><body><nav>Home</nav></body></html>", "blank.html: no article text found in the page (1 words of main text; at least 8 expected)"),
    ],
)
def test_adding_unusable_file_is_named(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        read_article(path, GIVEN)
    assert str(caught.value).startswith(f"{tmp_path.as_posix()}/{message}")


def test_adding_writes_front_matter_that_reads_back(tmp_path):
    corpus = tmp_path / "corpus"
    report = add_articles([ARTICLES / "kidal-raid.html", ARTICLES / "gao-clash.txt"], corpus,
                          ArticleMetadata(title=None, source="Test Wire", published=date(2013, 3, 4)))
    assert [str(error) for error in report.errors] == [
        f"{(ARTICLES / 'gao-clash.txt').as_posix()}: the file's front matter lacks title; give it with --title TEXT"
    ]
    [added] = report.added
    assert added.written == corpus / "2013-03-04_rebels-raid-army-post-near-kidal.txt"
    document = read_document(added.written, corpus)
    assert (document.title, document.source, document.published) == ("Rebels raid army post near Kidal", "Test Wire", date(2013, 3, 4))
    assert added.written.read_text(encoding="utf-8").startswith('---\ntitle: "Rebels raid army post near Kidal"\nsource: "Test Wire"\n')


def test_adding_exact_duplicate_is_refused_and_the_rest_added(tmp_path):
    corpus = tmp_path / "corpus"
    add_articles([ARTICLES / "gao-clash.txt"], corpus, GIVEN)
    copy = tmp_path / "copy.md"
    copy.write_text("---\ntitle: Other title\nsource: Other\npublished: 2013-03-05\n---\nthe mnla CLASHED with the Malian army\n"
                    "near Gao on 3 March 2013. Villagers fled the fighting, local officials said!\n", encoding="utf-8")
    report = add_articles([copy, ARTICLES / "kidal-raid.html"], corpus)
    assert [str(error) for error in report.errors] == [
        f"{copy.as_posix()}: is already in the corpus as document '2013-03-04_clash-near-gao' (same text)"
    ]
    assert [added.doc_id for added in report.added] == ["2012-01-20_rebels-raid-army-post-near-kidal"]


def test_adding_near_duplicate_is_added_with_a_warning(tmp_path):
    corpus = tmp_path / "corpus"
    add_articles([ARTICLES / "kidal-raid.html"], corpus)
    other_site = tmp_path / "other.txt"
    other_site.write_text(
        "---\ntitle: Rebels raid army post\nsource: Another Site\npublished: 2012-01-21\n---\n"
        "MNLA fighters attacked the Malian army in Aguelhok on 17 January 2012, the defence ministry said on Friday.\n"
        "Residents said the fighting lasted several hours before the rebels withdrew towards Tessalit.\n"
        "Read more: our coverage of the Sahel.\n", encoding="utf-8")
    [added] = add_articles([other_site], corpus).added
    assert [(near.doc_id, near.share) for near in added.near_duplicates] == [("2012-01-20_rebels-raid-army-post-near-kidal", 1.0)]
    assert added.written.name == "2012-01-21_rebels-raid-army-post.txt"


def test_adding_same_name_gets_a_numbered_file(tmp_path):
    corpus = tmp_path / "corpus"
    first = add_articles([ARTICLES / "gao-clash.txt"], corpus, GIVEN).added[0]
    other = tmp_path / "other.txt"
    other.write_text("A different story entirely, about a market in Mopti.\n", encoding="utf-8")
    second = add_articles([other], corpus, GIVEN).added[0]
    assert (first.doc_id, second.doc_id) == ("2013-03-04_clash-near-gao", "2013-03-04_clash-near-gao-2")


@pytest.mark.parametrize(
    ("first", "second", "share"),
    [("a b c d e f", "a b c d e f", 1.0), ("a b c d e f", "x a b c d e f y z", 1.0), ("a b c d e f", "g h i j k l", 0.0)],
)
def test_adding_shared_share_counts_on_the_shorter_text(first, second, share):
    assert shared_share(shingles(first, AddSettings().shingle_words), shingles(second, AddSettings().shingle_words)) == share


def test_adding_text_digest_is_blind_to_case_punctuation_and_lines():
    assert text_digest("Gunmen attacked, Kidal.\nAgain") == text_digest("gunmen ATTACKED kidal again")
    assert text_digest("Gunmen attacked Kidal") != text_digest("Gunmen attacked Gao")
