"""Links with a secret in their path become <URL> (stop 53); ordinary links stay."""

import pytest

from feedback_nlp.text.links import redact_urls


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.slack.com/services/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",
        "https://hooks.zapier.com/hooks/catch/4839201/bq7x2k9/",
        "https://discord.com/api/webhooks/123456789012345678/abcDEF",
        "https://app.acme.io/reset-password/Zk9pQ2mX7vL4nR8s",
        "https://app.acme.io/invite/7f9c2b1d4e6a8f0c",
        "https://app.acme.io/verify/482913",
        "https://app.acme.io/s/Zk9pQ2mX7vL4nR8sT1",
        "https://files.acme.io/d/7f9c2b1d4e6a8f0c9b1e/report.pdf",
        "https://github.com/org/repo/invitations/7f9c2b1d4e6a8f0c",  # invites stay secret
        "https://chat.acme.io/invite/Ab12Cd9x",
    ],
)
def test_links_with_a_token_in_their_path_are_redacted(url):
    assert redact_urls(f"see {url} please", "<URL>") == ("see <URL> please", True)


@pytest.mark.parametrize(
    "url",
    [
        "https://help.acme.io/help/how-to-reset-your-password",
        "https://acme.zendesk.com/hc/en-us/articles/360001234567-How-to-reset-your-password",
        "https://www.amazon.com/Apple-MacBook-13-inch-256GB-Storage/dp/B08N5M7S6K/ref=sr_1_3",
        "https://www.amazon.co.uk/dp/B08N5WRWNW",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
        "https://docs.stripe.com/webhooks",
        "https://github.com/org/repo/settings/hooks/12345678",
        "https://shop.example.com/products/blue-shirt-2024",
        "https://www.ikea.com/gb/en/p/billy-bookcase-white-00263850/",
        "https://www.gov.uk/reset-your-government-gateway-password",
        "https://app.acme.io/login",
        "https://cdn.acme.io/assets/app.3f2b8c1e9a7d4e2f.js",
        # stop 53 review: public content ids of Instagram, imgur, Figma, Discord and GitHub
        "https://www.instagram.com/p/CxYz12AbCdEf3gH4/",
        "https://imgur.com/a/Ab3dE9fGh2Kl5mNo",
        "https://www.figma.com/file/AbC123dEf456GhI789/Design",
        "https://discord.com/invite/Ab12Cd",
        "https://github.com/org/repo/commit/3f2a9c1b2d4e5f60a7b8c9d0e1f2a3b4c5d6e7f8",
    ],
)
def test_ordinary_links_stay(url):
    text = f"see {url} please"
    assert redact_urls(text, "<URL>") == (text, False)
