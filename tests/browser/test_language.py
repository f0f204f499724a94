"""The English-word check of the every-page crawl (tests/browser/language.py) finds English and only English."""

from __future__ import annotations

from tests.browser.language import ENGLISH_WORDS, english_in_html, english_words

SWEDISH = """<!doctype html><html lang="sv"><head><title>Lägesbild för Arjeplog</title>
<style>.the { color: red }</style><script>const your = "the data of the week";</script></head>
<body><nav aria-label="Huvudmeny"><a href="/kartlaggning/">Kartläggning</a></nav>
<p>Data om brott och otrygghet, vecka 48: 76,4 av 100. Visa mer<br>på sidan.</p>
<select><option value="">– Välj –</option><option>Torget, Arjeplog</option></select>
<input placeholder="Sök bland platserna" type="search"><img src="/a.png" alt="Karta över centrum">
<p>Nyckel: <code>D4HKXIF2VCA2RHQ7X6ADD3VAW2VEXV4U</code>, cell 8908e63154bffff, fil est_with_the.csv,
adress https://www.bra.se/the-statistics-of-crime och e-post the.name@example.se.</p>
<blockquote lang="en"><p>We will keep the square lit, and you may tell us.</p></blockquote>
</body></html>"""


def test_it_passes_a_swedish_page():
    assert english_in_html(SWEDISH) == []


def test_it_finds_english_text_an_option_and_a_title():
    html = SWEDISH.replace("Visa mer", "Show the figures of your week").replace("– Välj –", "- Select an option -")
    html = html.replace("<title>Lägesbild för Arjeplog", "<title>Key figures (Kolada)")
    assert english_in_html(html) == [
        "'Key figures (Kolada)' (key, figures)",
        "'Data om brott och otrygghet, vecka 48: 76,4 av 100. Show the figures of your week' "
        "(the, figures, of, your, week)",
        "'- Select an option -' (select)",
    ]


def test_it_finds_english_in_what_a_browser_reads_aloud():
    html = SWEDISH.replace('aria-label="Huvudmeny"', 'aria-label="Main menu of the site"')
    html = html.replace('placeholder="Sök bland platserna"', 'placeholder="Search"')
    html = html.replace('alt="Karta över centrum"', 'alt="Map of the centre"')
    html = html.replace("<p>Data om", '<p title="Reported crimes">Data om')
    assert english_in_html(html) == [
        "'Main menu of the site' (of, the)",
        "'Reported crimes' (reported, crimes)",
        "'Search' (search)",
        "'Map of the centre' (of, the)",
    ]


def test_it_checks_swedish_inside_english():
    html = SWEDISH.replace("and you may tell us.</p>", 'and you may tell us.</p><p lang="sv">Read the promise</p>')
    assert english_in_html(html) == ["'Read the promise' (the, promise)"]


def test_it_checks_what_follows_an_english_element_left_open():
    html = SWEDISH.replace('<blockquote lang="en"><p>We will', '<blockquote lang="en"><p>We will<li>').replace(
        "</blockquote>", "</blockquote><p>the end"
    )
    assert english_in_html(html) == ["'the end' (the)"]


def test_it_knows_no_swedish_word():
    # Swedish words an English word list is easily given by mistake (see the module's docstring).
    swedish = "data not show is in by be must all most back last page log it on to an a at for do so option plan"
    assert english_words(swedish) == []
    assert not {"data", "not", "show", "is", "in", "by", "all", "plan", "total", "import", "export"} & ENGLISH_WORDS
