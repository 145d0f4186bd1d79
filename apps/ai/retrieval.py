"""Finding the blocks of a published portfolio that bear on a visitor's question, by keyword
overlap: no embeddings, no index — a portfolio has tens of blocks, and the question's own
words are what a grounded answer has to be found near.

A word counts once per block; rarer words (in fewer of the portfolio's blocks) count more, so
"mobile" outweighs the person's name, which is everywhere.
"""

import math
import re

TOP = 4  # blocks given to the model: enough to answer, few enough to stay cheap
STOP = frozenset(
    """a about above after again all also am an and any are as at be been before being both
    but by can could did do does doing done for from had has have having he her here hers him
    his how i if in into is it its me more most my no not of on or our out over own she so
    some such than that the their them then there these they this those through to too under
    up very was we were what when where which while who whom why will with would you your
    ever tell work worked working know anything something thing things""".split()
)
WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")


def keywords(text: str) -> set[str]:
    """The words of `text` worth matching on: lower case, no stop words, a plural's -s off."""
    words = set()
    for word in WORD.findall(text.casefold()):
        if word in STOP:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def ranked(question: str, blocks: list[dict], top: int = TOP) -> list[dict]:
    """The `top` blocks (dicts with "text") sharing most of the question's keywords, best
    first; none when nothing is shared."""
    wanted = keywords(question)
    if not wanted:
        return []
    words = [keywords(b.get("text", "")) for b in blocks]
    weight = {w: math.log(1 + len(blocks) / (1 + sum(w in ws for ws in words))) for w in wanted}
    scored = []
    for index, (block, ws) in enumerate(zip(blocks, words, strict=True)):
        score = sum(weight[w] for w in wanted & ws)
        if score > 0:
            scored.append((-score, index, block))
    return [block for _, _, block in sorted(scored, key=lambda s: s[:2])[:top]]


def overlap(question: str, text: str) -> int:
    return len(keywords(question) & keywords(text))
