import base64
import io

from PIL import Image
from playwright.sync_api import Page, expect

from apps.accounts.models import User
from apps.assets.models import Asset
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in

DROP = """(files) => {
  const dt = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.b64), c => c.charCodeAt(0));
    dt.items.add(new File([bytes], f.name, {type: f.type}));
  }
  const zone = document.querySelector('[data-dropzone]');
  const init = {bubbles: true, cancelable: true, dataTransfer: dt};
  zone.dispatchEvent(new DragEvent('dragenter', init));
  zone.dispatchEvent(new DragEvent('drop', init));
}"""


def png(color, size=(900, 600)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


def test_drop_images_fix_alt_text_and_pick_an_avatar(page: Page):
    alice = make_user("ada@example.com", name="Ada Lovelace")
    sign_in(page, "ada@example.com")

    page.get_by_role("link", name="Assets").first.click()
    expect(page.get_by_text("Your library is empty.")).to_be_visible()
    page.evaluate(
        DROP,
        [
            {"name": "sunrise.png", "type": "image/png", "b64": png((250, 160, 60))},
            {"name": "ocean.png", "type": "image/png", "b64": png((30, 90, 200))},
            {"name": "broken.png", "type": "image/png", "b64": base64.b64encode(b"no").decode()},
        ],
    )

    tiles = page.locator("#asset-grid-items > li[id^=asset-]")
    expect(tiles).to_have_count(2)
    expect(page.get_by_text("Your library is empty.")).to_have_count(0)
    expect(page.locator("#storage-usage")).not_to_contain_text("0 bytes")
    expect(page.locator(".upload-row.is-error")).to_contain_text("Upload a JPEG, PNG, WebP or GIF")
    for tile in tiles.all():
        expect(tile.locator("img")).to_have_js_property("complete", True)
        assert tile.locator("img").evaluate("img => img.naturalWidth") == 400
    shot(page, "assets-library")

    page.locator("#asset-grid-items li", has_text="sunrise").locator("a").click()
    expect(page.locator("#alt-warning")).to_be_visible()
    page.fill("#asset-panel textarea[name=alt_text]", "An orange sunrise over the hills")
    page.locator("#asset-panel button[type=submit]", has_text="Save").click()
    expect(page.locator("#asset-panel")).to_contain_text("Saved.")
    expect(page.locator("#alt-warning")).to_have_count(0)
    shot(page, "assets-detail")
    assert Asset.objects.get(title="sunrise").alt_text == "An orange sunrise over the hills"

    page.goto("/settings/")
    page.get_by_role("button", name="Choose image").click()
    dialog = page.locator("dialog[open]")
    expect(dialog.locator("[data-asset-choose]")).to_have_count(2)
    shot(page, "assets-picker", full_page=False)
    dialog.locator("[data-asset-choose]", has_text="ocean").click()
    expect(page.locator("dialog[open]")).to_have_count(0)
    expect(page.locator("#id_avatar-preview")).to_be_visible()
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    assert User.objects.get(pk=alice.pk).avatar.title == "ocean"
    shot(page, "settings-with-avatar")
