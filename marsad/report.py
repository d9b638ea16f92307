"""Readable plain-text reports of analysed documents (schema-v1 dictionaries), for `marsad show`."""
from __future__ import annotations

import textwrap

from marsad.statements.profile import sourcing_profile

KIND_LABEL = {
    "named_person": "named",
    "role": "office-holder",
    "anonymous": "ANONYMOUS",
    "organization": "organisation",
    "media": "media",
    "document": "document",
    "collective": "collective",
}


def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def sentence_around(text: str, start: int, end: int, width: int = 70) -> str:
    """The text around a span with the span marked [like this]."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    lo = text.rfind("\n", lo, start) + 1 if "\n" in text[lo:start] else lo
    nl = text.find("\n", end, hi)
    hi = nl if nl != -1 else hi
    return ("…" if lo > 0 and text[lo - 1] != "\n" else "") + " ".join(
        (text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]).split()) + ("…" if hi < len(text) and text[hi] != "\n" else "")


def render(doc: dict, width: int = 100) -> str:
    out: list[str] = []
    w = out.append
    w(doc.get("title") or "(untitled)")
    w("=" * min(width, max(10, len(doc.get("title") or "(untitled)"))))
    w(f"id {doc['id']}  ·  outlet {doc.get('outlet') or '?'}  ·  published {doc.get('published') or '?'}"
      + (f"  ·  {doc['url']}" if doc.get("url") else ""))
    w(f"{len(doc['text']):,} characters · {len(doc['entities'])} entities · {len(doc['places'])} places · "
      f"{len(doc['times'])} times · {len(doc['sources'])} sources · {len(doc['events'])} events")

    prof = sourcing_profile(doc)
    w("")
    w("SOURCING")
    if prof["statements"]:
        kinds = ", ".join(f"{KIND_LABEL.get(k, k)} {n}" for k, n in
                          sorted(prof["statements_by_kind"].items(), key=lambda x: -x[1]) if n)
        relays = f" (through {', '.join(prof['relays'])})" if prof["relays"] else ""
        w(f"  {prof['statements']} statements from {prof['sources']} sources: {kinds}")
        w(f"  relayed {prof['relayed']}{relays} · direct quotes {prof['direct']} · "
          f"anonymous {prof['anonymous_share']:.0%} of statements")
    else:
        w("  no attributed statements found")
    for s in doc["sources"]:
        sp = s["speaker"]
        via = f"  via {' ← '.join(reversed(s['via']))}" if s["via"] else ""
        aff = f" ({sp['affiliation']})" if sp.get("affiliation") else ""
        w(f"  [{s['id']}] {sp['text']}{aff} — {KIND_LABEL.get(sp['kind'], sp['kind'])}{via}")
        for st in s["statements"]:
            tag = "quote" if st["direct"] else "reported"
            extra = "/".join(x for x in (st.get("stance"), st.get("medium")) if x)
            w(f"      {st['cue']} ({tag}{', ' + extra if extra else ''}): {_clip(st['text'])}")

    if doc["events"]:
        w("")
        w("EVENTS")
        places = {p["id"]: p for p in doc["places"]}
        for e in doc["events"]:
            actor = (e["actor"] or {}).get("text") or "?"
            target = (e["target"] or {}).get("text") or "?"
            where = places.get(e["place"], {}).get("name_en") or places.get(e["place"], {}).get("name") or ""
            bits = [f"{e['type']}{'/' + e['mode'] if e.get('mode') else ''}", e["modality"].upper(),
                    f"{actor} → {target}"]
            if where:
                bits.append(f"at {where}")
            if e.get("time"):
                bits.append(f"on {e['time']}")
            if e.get("source"):
                bits.append(f"per {e['source']}")
            if e.get("killed") or e.get("wounded"):
                bits.append(f"killed {e.get('killed') or 0}, wounded {e.get('wounded') or 0}")
            w(f"  [{e['id']}] " + " · ".join(bits))
            w("      " + _clip(sentence_around(doc["text"], e["trigger"]["start"], e["trigger"]["end"]), 140))

    if doc["places"]:
        w("")
        w("PLACES")
        for p in doc["places"]:
            q = f" ({', '.join(p['qualifiers'])})" if p.get("qualifiers") else ""
            coords = f"{p['lat']:.3f}, {p['lon']:.3f}" if p.get("lat") is not None else "no coordinates"
            w(f"  {p['name']} — {p.get('name_en') or '?'}{q} · {p['level']} · "
              f"{', '.join(x for x in (p.get('admin1'), p.get('country')) if x)} · {coords} · ×{len(p['mentions'])}")

    if doc["times"]:
        w("")
        w("TIMES")
        for t in doc["times"]:
            w(f"  {t['text']} → {t['value'] or ('vague' if t.get('vague') else '?')} ({t['grain']})")

    if doc["entities"]:
        w("")
        w("ENTITIES")
        for e in doc["entities"]:
            roles = f" — {'; '.join(e['roles'])}" if e.get("roles") else ""
            guessed = {"guess": " (spelling guessed)", "gloss": " (gloss)"}.get(e.get("name_en_source"), "")
            w(f"  {e['type']:<4} {e['name']} — {e.get('name_en') or '?'}{guessed}{roles} · ×{len(e['mentions'])}")
    return "\n".join(out)


def render_summary_line(doc: dict) -> str:
    title = _clip(doc.get("title") or doc["text"], 60)
    return (f"{doc['id'][:12]:<12}  {title:<60}  {(doc.get('outlet') or '-')[:16]:<16}  "
            f"{(doc.get('published') or '-')[:10]:<10}  {len(doc['entities']):>3} {len(doc['places']):>3} "
            f"{len(doc['times']):>3} {len(doc['sources']):>3} {len(doc['events']):>3}")


SUMMARY_HEADER = (f"{'id':<12}  {'title':<60}  {'outlet':<16}  {'published':<10}  ent plc tim src evt")


def wrap(text: str, width: int = 100) -> str:
    return "\n".join(textwrap.wrap(text, width))
