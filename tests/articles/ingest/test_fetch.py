"""fetch_url: timeouts, size and type limits, bounded redirects, and no way into private networks."""

from __future__ import annotations

import pytest

from articles.ingest.fetch import USER_AGENT, FetchError, FetchPolicy, FetchUnavailable, fetch_url, resolve_public

LOCAL = FetchPolicy(allow_private=True, connect_timeout=1, read_timeout=0.5, max_bytes=200_000, max_redirects=3)


def test_it_fetches_a_page_and_says_who_is_asking(news_site):
    url = news_site.add_article("/fetch/ok", "Some words. " * 40, title="A page")

    fetched = fetch_url(url, policy=LOCAL)

    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"A page" in fetched.content
    assert ("/fetch/ok", USER_AGENT) in news_site.requests


def test_it_refuses_loopback_unless_private_urls_are_allowed(news_site):
    url = news_site.add_article("/fetch/private", "Text. " * 40, title="Private")

    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch_url(url, policy=FetchPolicy())


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1", "0.0.0.0"],
)
def test_it_refuses_every_non_public_address(host):
    with pytest.raises(FetchError, match="refused"):
        resolve_public(host, 80, allow_private=False)


def test_a_public_address_passes_the_check():
    assert resolve_public("93.184.215.14", 80, allow_private=False) == ["93.184.215.14"]


def test_a_404_is_a_final_error(news_site):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(news_site.url("/fetch/missing"), policy=LOCAL)


def test_a_redirect_loop_is_reported(news_site):
    with pytest.raises(FetchError, match="redirect loop"):
        fetch_url(news_site.url("/loop"), policy=LOCAL)


def test_redirects_are_followed_up_to_the_limit(news_site):
    news_site.add_article("/article/0", "Redirected text. " * 30, title="Target")

    assert fetch_url(news_site.url("/hop/2"), policy=LOCAL).url == news_site.url("/article/0")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch_url(news_site.url("/hop/5"), policy=LOCAL)


def test_each_redirect_target_is_checked_again(news_site):
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch_url(news_site.url("/redirect-to-file"), policy=LOCAL)


def test_a_server_that_does_not_answer_in_time_is_worth_a_retry(news_site):
    news_site.slow_seconds = 2
    with pytest.raises(FetchUnavailable, match="did not answer within 0.5 s"):
        fetch_url(news_site.url("/slow"), policy=LOCAL)


def test_a_page_over_the_size_limit_is_refused(news_site):
    url = news_site.add("/fetch/big", b"<html>" + b"x" * 300_000)

    with pytest.raises(FetchError, match="larger than"):
        fetch_url(url, policy=LOCAL)


def test_a_file_that_is_not_a_page_or_feed_is_refused(news_site):
    url = news_site.add("/fetch/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")

    with pytest.raises(FetchError, match="unsupported content type application/pdf"):
        fetch_url(url, policy=LOCAL)


def test_an_unknown_host_is_a_final_error():
    with pytest.raises(FetchError, match="could not be found"):
        fetch_url("http://no-such-host.invalid/news", policy=FetchPolicy())
