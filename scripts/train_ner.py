"""Train the BiLSTM-CRF NER model (marsad/data/ner/bilstm.npz + bilstm.json) with CPU torch.

Data: ANERcorp train (../shared/data/ner/anercorp/train.txt) plus, with --fane, a share of
WikiFANEGold (Wikipedia, fine classes mapped to PER/ORG/LOC; re-joined to whitespace tokens) and,
with --aqmar / --wojood, AQMAR's or the Wojood sample's sentences with names (each tried once: both lowered
dev F1, so they are not in the shipped recipe). The
dev split (the last tenth of ANERcorp train) picks epochs and settings; the test file is never read.
Needs marsad/data/ner/embeddings.npz (scripts/build_embeddings.py) and gazetteer.tsv
(scripts/build_ner_gazetteer.py). torch is a development dependency only: weights are saved as
numpy arrays and run by marsad.entities.neural. One thread, fixed seed.
The shipped model is an ensemble of two networks (the second with --char-widths 2,3,4,5 --char-out 40),
each trained with --full, then joined by --ensemble (see docs/evaluation/ner.md, Training). Dev runs
also print an "unseen" F1: entities whose string is never an entity in the training sentences.
Usage: OMP_NUM_THREADS=1 python scripts/train_ner.py --epochs 12 --fane 0.3           (dev run)
       OMP_NUM_THREADS=1 python scripts/train_ner.py --fane 0.3 --full 12 --average 6 --out W/m0  (one member)
       python scripts/train_ner.py --ensemble W/m0,W/m1                                (ship the ensemble)
       OMP_NUM_THREADS=1 python scripts/train_ner.py --score WORK/avg7 --emb E.npz     (dev F1 of saved weights)
       OMP_NUM_THREADS=1 python scripts/train_ner.py --score WORK/ens --ensemble A/avg7,B/avg7  (dev F1 of an ensemble)
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import sys
import time

import numpy as np
import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from marsad.entities.features import stem_key, word_key  # noqa: E402
from marsad.entities.neural import (BOUNDARY, GAZ_FLAGS, BiLstmCrf, Featurizer, load_embeddings,  # noqa: E402
                                    load_gazetteer, shape_of)
from marsad.entities.bio import bio_spans  # noqa: E402
from marsad.entities.tagger import in_blocks  # noqa: E402
from marsad.text.tokenize import proclitic_length  # noqa: E402
from marsad.evaluation.ner import format_table, read_conll, score  # noqa: E402

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
BIOES = TAGS + ["E-PER", "S-PER", "E-LOC", "S-LOC", "E-ORG", "S-ORG", "E-MISC", "S-MISC"]
DATA = ROOT / "marsad/data/ner"
EMB = DATA / "embeddings.npz"


# WikiFANEGold's fine classes -> ours. Facilities, vehicles, weapons, products and PER "Group"
# (nationalities, tribes) are O: ANERcorp leaves airports, buildings and nationalities untagged.
FANE_PER = {"Politician", "Athlete", "Businessperson", "Artist", "Scientist", "Police", "Religious_PER",
            "Engineer", "Other_PER"}
FANE_ORG = {"Government", "Non-Governmental", "Commercial", "Educational", "Media", "Religious_ORG", "Sports",
            "Medical-Science", "Entertainment"}
FANE_LOC = {"Continent", "Nation", "State-or-Province", "County-or-District", "Population-Center", "GPE-Cluster",
            "Special", "Water-Body", "Land-Region-Natural", "Celestial", "Address", "Boundary", "Region-General",
            "Region-International"}
PROCLITICS = {"و", "ف", "ب", "ل"}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "ك", "ي"}


def read_wikifane(path: pathlib.Path):
    """WikiFANEGold sentences re-joined to whitespace tokens (its و/ب/ل and pronoun suffixes are split off)."""
    sents, words, tags = [], [], []
    pending = ""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.replace("\u200e", "").replace("\ufeff", "").strip()
        if not line:
            if words:
                sents.append((words, tags))
            words, tags, pending = [], [], ""
            continue
        w, _, t = line.partition("\t")
        bio, _, typ = t.strip().partition("-")
        typ = "PER" if typ in FANE_PER else "ORG" if typ in FANE_ORG else "LOC" if typ in FANE_LOC else ""
        tag = f"{bio}-{typ}" if typ and bio in ("B", "I") else "O"
        if w in PROCLITICS:
            pending += w
            continue
        if w in ENCLITICS and words and not pending and tag == "O":
            # a taa marbuta before a suffix is written ت (عاصمة + ها -> عاصمتها)
            words[-1] = (words[-1][:-1] + "ت" if words[-1].endswith("ة") else words[-1]) + w
            continue
        words.append(pending + w)
        tags.append(tag)
        pending = ""
    if words:
        sents.append((words, tags))
    return sents


def read_aqmar(folder: pathlib.Path):
    """AQMAR (Arabic Wikipedia) sentences that hold a name: PER/ORG/LOC kept, its MIS0-MIS3 classes -> MISC."""
    sents = []
    for path in sorted(folder.glob("*.txt")):
        words, tags = [], []
        for line in path.read_text(encoding="utf-8-sig").splitlines() + [""]:
            parts = line.split()
            if len(parts) < 2:
                if words and any(t != "O" for t in tags):
                    sents.append((words, tags))
                words, tags = [], []
                continue
            bio, _, typ = parts[-1].partition("-")
            typ = "MISC" if typ.startswith("MIS") else typ.strip("-")
            tags.append(f"{bio}-{typ}" if bio in ("B", "I") and typ in ("PER", "ORG", "LOC", "MISC") else "O")
            words.append(parts[0])
    return sents


WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def read_wojood(path: pathlib.Path):
    """Wojood sample sentences (nested, 21 types) flattened to PER/ORG/LOC: PERS -> PER, GPE/LOC -> LOC;
    of overlapping names the outermost is kept (ANERcorp tags a full organisation name); the other types
    (OCC, NORP, FAC, EVENT, DATE ...) are O, as in ANERcorp."""
    sents = []
    for block in path.read_text(encoding="utf-8-sig").split("\n\n"):
        rows = [line.split() for line in block.splitlines() if line.split()]
        if not rows:
            continue
        words = [r[0] for r in rows]
        spans = []
        for typ, ours in WOJOOD.items():
            start = -1
            for i, r in enumerate(rows + [["", "O"]]):
                labels = set(r[1:])
                if start >= 0 and f"I-{typ}" not in labels:
                    spans.append((start, i, ours))
                    start = -1
                if f"B-{typ}" in labels:
                    start = i
        tags = ["O"] * len(words)
        for a, b, ours in sorted(spans, key=lambda x: (x[0], -x[1])):
            if all(t == "O" for t in tags[a:b]):
                tags[a:b] = [f"B-{ours}"] + [f"I-{ours}"] * (b - a - 1)
        if any(t != "O" for t in tags):
            sents.append((words, tags))
    return sents


def split_dev(sents):
    """The last tenth of train (whole documents, unseen stories, like the test file) is the dev split."""
    cut = len(sents) * 9 // 10
    return sents[:cut], sents[cut:]


class Crf(nn.Module):
    def __init__(self, k: int) -> None:
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood of gold paths; em [B,T,K], tags [B,T], mask [B,T] bool."""
        B, T, K = em.shape
        # gold path score
        s = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, T):
            step = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            s = s + step * mask[:, t]
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        s = s + self.end[last]
        # partition function
        a = self.start + em[:, 0]
        for t in range(1, T):
            na = torch.logsumexp(a.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
            a = torch.where(mask[:, t:t + 1], na, a)
        z = torch.logsumexp(a + self.end, dim=1)
        return (z - s).mean()


def to_bioes(tags: list[str]) -> list[str]:
    """BIO -> BIOES (a name's last word E-, a one-word name S-); conlleval's stray I- opens a name."""
    out = list(tags)
    for a, b, typ in bio_spans(tags):
        if b - a == 1:
            out[a] = f"S-{typ}"
        else:
            out[a], out[b - 1] = f"B-{typ}", f"E-{typ}"
            out[a + 1:b - 1] = [f"I-{typ}"] * (b - a - 2)
    return out


class Model(nn.Module):
    def __init__(self, emb: np.ndarray, nchars: int, nfeat: int, hidden: int, char_dim: int, char_out: int,
                 dropout: float, widths: tuple[int, ...] = (3,)) -> None:
        super().__init__()
        # frozen word2vec vectors from marsad/data/ner/embeddings.npz (local; built by build_embeddings.py)
        vectors = torch.from_numpy(emb)
        self.emb = nn.Embedding(vectors.shape[0], vectors.shape[1], _weight=vectors, _freeze=True)
        self.char_emb = nn.Embedding(nchars, char_dim, padding_idx=0)
        if widths == (3,):
            self.char_cnn = nn.Conv1d(char_dim, char_out, 3, padding=1)
        else:  # several widths, char_out filters each (run by marsad.entities.neural as char_cnns.N)
            self.char_cnns = nn.ModuleList(nn.Conv1d(char_dim, char_out, w, padding=w // 2) for w in widths)
        ind = 2 * emb.shape[1] + char_out * len(widths) + nfeat
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(ind, hidden, batch_first=True, bidirectional=True)
        self.drop2 = nn.Dropout(0.3)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        self.crf = Crf(len(TAGS))  # TAGS is BIO or, with --bioes, BIOES

    def emissions(self, wid, sid, feats, chars, lens):
        B, T, C = chars.shape
        ce = self.char_emb(chars.view(B * T, C)).transpose(1, 2)  # N,E,C
        convs = [self.char_cnn] if hasattr(self, "char_cnn") else list(self.char_cnns)
        cvecs = [conv(ce).max(dim=2).values.view(B, T, -1) for conv in convs]
        x = torch.cat([self.emb(wid), self.emb(sid), *cvecs, feats], dim=2)
        x = self.drop(x)
        packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
        return self.out(self.drop2(h))


def build_vocabs(train):
    chars = collections.Counter()
    prefixes = collections.Counter()
    for words, _ in train:
        for w in words:
            k = word_key(w)
            s = stem_key(k) if shape_of(k) == 0 else k
            prefixes[k[: len(k) - len(s)]] += 1
            chars.update(k)
    char_ids = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
    char_ids[BOUNDARY] = len(char_ids) + 2
    prefix_ids = {p: i for i, p in enumerate(sorted(p for p, n in prefixes.items() if n >= 20))}
    return char_ids, prefix_ids


def tensors(feat: Featurizer, batch, word_dropout: float, rng: random.Random, oov_dropout: float = 0.0,
            name_oov_dropout: float = 0.0, gaz_dropout: float = 0.0):
    wid, sid, feats, chars, lens = feat.batch([w for w, _ in batch])
    tags = np.zeros(wid.shape, np.int64)
    for b, (_, ts) in enumerate(batch):
        tags[b, : len(ts)] = [TAGS.index(t) for t in (to_bioes(ts) if "S-PER" in TAGS else ts)]
    if word_dropout:
        drop = np.array([[rng.random() < word_dropout for _ in range(wid.shape[1])] for _ in batch])
        wid = np.where(drop, 0, wid)
    if oov_dropout or name_oov_dropout:
        # make a word look fully out of vocabulary (no word or stem vector, in-vocabulary flags off), as
        # unseen names are at test time, so that the model learns to read characters and context
        p = np.where(tags > 0, max(oov_dropout, name_oov_dropout), oov_dropout)
        drop = np.array([[rng.random() for _ in range(wid.shape[1])] for _ in batch]) < p
        wid, sid = np.where(drop, 0, wid), np.where(drop, 0, sid)
        feats = feats.copy()
        feats[..., -2:][drop] = 0
    if gaz_dropout:
        # hide a word's gazetteer flags now and then: test names are often in no list, and the model
        # should read them from context and spelling too
        drop = np.array([[rng.random() < gaz_dropout for _ in range(wid.shape[1])] for _ in batch])
        feats = feats.copy()
        feats[..., : 2 * len(GAZ_FLAGS)][drop] = 0
    mask = np.arange(wid.shape[1])[None, :] < lens[:, None]
    return [torch.from_numpy(a) for a in (wid, sid, feats, chars)] + [torch.from_numpy(lens),
                                                                       torch.from_numpy(tags), torch.from_numpy(mask)]


def save(model: Model, meta: dict, prefix: pathlib.Path) -> None:
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items() if not k.startswith("emb.")}
    np.savez_compressed(f"{prefix}.npz", **{k: v.astype(np.float16) for k, v in sd.items()})
    pathlib.Path(f"{prefix}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")


SEEN: set[tuple[str, ...]] = set()  # entity strings (word keys) of the training sentences


def entity_keys(sents) -> set[tuple[str, ...]]:
    return {tuple(word_key(w) for w in words[a:b]) for words, tags in sents for a, b, _ in bio_spans(tags)}


def unseen_score(dev, pred) -> tuple[float, float, float, int]:
    """P/R/F1 on entities whose string is never an entity in training: a more test-like signal
    (ANERcorp test has far more unseen names than dev)."""
    def unseen(words, spans):
        return {s for s in spans if tuple(word_key(w) for w in words[s[0]:s[1]]) not in SEEN}

    tp = ng = np_ = 0
    for (words, gold), p in zip(dev, pred):
        gs, ps = unseen(words, bio_spans(gold)), unseen(words, bio_spans(p))
        tp, ng, np_ = tp + len(gs & ps), ng + len(gs), np_ + len(ps)
    prec, rec = 100 * tp / max(np_, 1), 100 * tp / max(ng, 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9), ng


def evaluate(prefix: pathlib.Path, dev, block: int = 0) -> dict:
    """Dev scores of saved weights; with `block`, after the product's document pass (context rules and
    consistency: marsad.entities.tagger.document_pass) over blocks of that many sentences, as
    `marsad evaluate ner` does on test."""
    tagger = BiLstmCrf(pathlib.Path(f"{prefix}.npz"), pathlib.Path(f"{prefix}.json"), EMB)
    pred = tagger.tag_sentences([w for w, _ in dev])
    if block:
        pred = in_blocks([w for w, _ in dev], pred, block)
    out = score([t for _, t in dev], pred)
    if SEEN:
        out["UNSEEN"] = unseen_score(dev, pred)
    return out


def show(scores: dict) -> str:
    """The per-type table plus the unseen-entity line."""
    text = format_table(scores)
    if "UNSEEN" in scores:
        p, r, f, n = scores["UNSEEN"]
        text += f"\n{'unseen':<6} {n:>5} {p:6.1f} {r:6.1f} {f:6.1f}"
    return text


def average(prefix: pathlib.Path, first: int, last: int, out: pathlib.Path) -> None:
    """Mean of the weights saved after epochs first..last (smoother than any single epoch)."""
    arrays = [np.load(f"{prefix}_e{e}.npz") for e in range(first, last + 1)]
    mean = {k: np.mean([a[k].astype(np.float32) for a in arrays], axis=0).astype(np.float16) for k in arrays[0].files}
    np.savez_compressed(f"{out}.npz", **mean)
    pathlib.Path(f"{out}.json").write_text(pathlib.Path(f"{prefix}.json").read_text(encoding="utf-8"), encoding="utf-8")


def combine(prefixes: list[str], out: pathlib.Path) -> None:
    """One ensemble model from several saved ones (same tags and vocabularies): weights m0.*, m1.* ..."""
    metas = [json.loads(pathlib.Path(f"{p}.json").read_text(encoding="utf-8")) for p in prefixes]
    assert all(m == metas[0] for m in metas), "members must share tags and vocabularies"
    arrays = {}
    for i, p in enumerate(prefixes):
        with np.load(f"{p}.npz") as z:
            arrays.update({f"m{i}.{k}": z[k] for k in z.files})
    np.savez_compressed(f"{out}.npz", **arrays)
    meta = dict(metas[0], members=len(prefixes))
    pathlib.Path(f"{out}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")


def train(sents, dev, args, prefix: pathlib.Path, epochs: int):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    vocab, emb = load_embeddings(EMB)
    char_ids, prefix_ids = build_vocabs(sents)
    feat = Featurizer(vocab, load_gazetteer(args.gazetteer or None), char_ids, prefix_ids)
    meta = {"tags": TAGS, "chars": char_ids, "prefixes": prefix_ids}
    if args.gazetteer:  # a development run with other name lists
        meta["gazetteer"] = str(pathlib.Path(args.gazetteer).resolve())
    model = Model(emb, len(char_ids) + 2, feat.nfeat, args.hidden, 25, args.char_out, args.dropout,
                  tuple(int(w) for w in args.char_widths.split(",")))
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    best, best_epoch = -1.0, 0
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=args.decay)
    for epoch in range(1, epochs + 1):
        model.train()
        t0 = time.time()
        order = list(sents)
        rng.shuffle(order)
        total = 0.0
        for i in range(0, len(order), args.batch):
            batch = [s for s in order[i:i + args.batch] if s[0]]
            wid, sid, feats, chars, lens, tags, mask = tensors(feat, batch, args.word_dropout, rng,
                                                               args.oov_dropout, args.name_oov_dropout,
                                                               args.gaz_dropout)
            em = model.emissions(wid, sid, feats, chars, lens)
            loss = model.crf.nll(em, tags, mask)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item() * len(batch)
        sched.step()
        model.eval()
        save(model, meta, prefix)
        save(model, meta, pathlib.Path(f"{prefix}_e{epoch}"))  # for checkpoint averaging
        msg = f"epoch {epoch} loss {total / len(order):.3f} {time.time() - t0:.0f}s"
        if dev:
            sc = evaluate(prefix, dev)
            f1 = sc["ALL"][2]
            msg += f" dev F1 {f1:.2f}" + (f" unseen {sc['UNSEEN'][2]:.2f}" if "UNSEEN" in sc else "")
            if f1 > best:
                best, best_epoch = f1, epoch
                save(model, meta, pathlib.Path(f"{prefix}_best"))
        print(msg, flush=True)
    return best, best_epoch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--full", type=int, default=0, help="retrain on all of train for this many epochs")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-out", type=int, default=50)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--oov-dropout", type=float, default=0.0,
                    help="share of words made fully out of vocabulary in training (word+stem vectors, flags)")
    ap.add_argument("--name-oov-dropout", type=float, default=0.0,
                    help="the same share for words inside names (simulates unseen names)")
    ap.add_argument("--gaz-dropout", type=float, default=0.0,
                    help="hide a word's gazetteer flags with this probability in training")
    ap.add_argument("--char-widths", default="3", help="char CNN widths, e.g. 2,3,4,5 (--char-out filters each)")
    ap.add_argument("--bioes", action="store_true", help="train on BIOES tags (decoded to BIO at inference)")
    ap.add_argument("--ensemble", default="",
                    help="comma-separated saved weights (paths without .npz) combined into one model: "
                         "scored on dev with --score PATH (written there), else written to --out")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decay", type=float, default=0.9, help="learning rate factor per epoch")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--work", default="/tmp/marsad_ner")
    ap.add_argument("--emb", default=str(DATA / "embeddings.npz"), help="embeddings.npz to train with")
    ap.add_argument("--average", type=int, default=1, help="with --full: average the last N epochs' weights")
    ap.add_argument("--fane", type=float, default=0.0, help="add this share of WikiFANEGold sentences")
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR's sentences with names")
    ap.add_argument("--silver", default="", help="add these model-tagged news sentences (scripts/label_news_ner.py)")
    ap.add_argument("--wojood", action="store_true", help="add the Wojood sample's sentences with names")
    ap.add_argument("--out", default=str(DATA / "bilstm"), help="with --full: where the model goes")
    ap.add_argument("--limit", type=int, default=0, help="smoke test: first N sentences only")
    ap.add_argument("--augment", type=int, default=0,
                    help="add N copies of train's sentences naming persons, each person replaced by a random gazetteer person name")
    ap.add_argument("--block", type=int, default=0,
                    help="with --score: also score the document pass (context rules, consistency) "
                         "over blocks of N sentences")
    ap.add_argument("--gazetteer", default="", help="gazetteer flags file instead of the shipped one (dev runs)")
    ap.add_argument("--score", default="", help="only score these saved weights (path without .npz) on dev")
    args = ap.parse_args()
    globals()["EMB"] = pathlib.Path(args.emb)
    if args.bioes:
        globals()["TAGS"] = BIOES
    torch.set_num_threads(1)
    sents = read_conll(pathlib.Path(args.data) / "ner/anercorp/train.txt")
    if args.limit:
        sents = sents[: args.limit]
    if args.ensemble and not args.score:  # ship an ensemble of models already trained
        members = [pathlib.Path(m) for m in args.ensemble.split(",")]
        combine([str(m) for m in members], pathlib.Path(args.out))
        print(f"shipped {args.out}.npz: ensemble of {len(members)} models")
        return
    if args.score:  # e.g. the same dev-run weights with another embeddings file (frozen vectors)
        SEEN.update(entity_keys(split_dev(sents)[0] + extra_data(args)))
        if args.ensemble:
            combine(args.ensemble.split(","), pathlib.Path(args.score))
        print(show(evaluate(pathlib.Path(args.score), split_dev(sents)[1])))
        if args.block:
            print(f"with the document pass (context rules, consistency) over blocks of {args.block} sentences:")
            print(show(evaluate(pathlib.Path(args.score), split_dev(sents)[1], args.block)))
        return
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    extra = extra_data(args)
    if args.full:
        aug = augment(sents, args.augment, pathlib.Path(args.data), args.seed) if args.augment else []
        train(sents + extra + aug, [], args, work / "full", args.full)
        average(work / "full", args.full - args.average + 1, args.full, pathlib.Path(args.out))
        print(f"shipped {args.out}.npz: mean of the last {args.average} of {args.full} epochs on all of train")
        return
    tr, dev = split_dev(sents)
    aug = augment(tr, args.augment, pathlib.Path(args.data), args.seed) if args.augment else []
    if aug:
        print(f"+ {len(aug)} sentences with replaced names", flush=True)
    SEEN.update(entity_keys(tr + extra))  # replaced names are not "seen": they are random
    tr = tr + extra + aug
    best, epoch = train(tr, dev, args, work / "dev", args.epochs)
    _, dev_sents = split_dev(sents)
    print(f"best dev F1 {best:.2f} at epoch {epoch}")
    for first in range(max(1, args.epochs - 6), args.epochs):
        average(work / "dev", first, args.epochs, work / f"avg{first}")
        sc = evaluate(work / f"avg{first}", dev_sents)
        print(f"average of epochs {first}-{args.epochs}: dev F1 {sc['ALL'][2]:.2f} unseen {sc['UNSEEN'][2]:.2f}",
              flush=True)
    print(show(evaluate(work / "dev_best", dev_sents)))
    if args.epochs >= 8:
        print(f"average of epochs 7-{args.epochs}:")
        print(show(evaluate(work / "avg7", dev_sents)))


def augment(sents, copies: int, data: pathlib.Path, seed: int):
    """Mention replacement: copies of the sentences with person names in which every person's name is
    replaced by a random person name from the NER gazetteer's lists (ANERgazet, ANETAC), keeping the
    first word's proclitics (و، ب، ل ...): the network sees the same contexts with names it has never
    seen, as test articles bring them (31% of test person-name tokens have no vector). Only persons:
    the lists' place and organisation names are mostly rare transliterations."""
    from build_ner_gazetteer import names

    pools: dict[str, list[list[str]]] = collections.defaultdict(list)
    for typ, words in names(data):
        if typ == "PER" and 1 <= len(words) <= 4:
            pools[typ].append(words)
    rng = random.Random(seed)
    out = []
    with_names = [(w, t) for w, t in sents if any(x.endswith("-PER") for x in t)]
    for _ in range(copies):
        for words, tags in with_names:
            new_w, new_t, i = [], [], 0
            for a, b, typ in bio_spans(tags) + [(len(words), len(words), "")]:
                new_w += words[i:a]
                new_t += tags[i:a]
                if typ in pools:
                    name = list(rng.choice(pools[typ]))
                    n = proclitic_length(words[a])
                    pre = words[a][:n]
                    pre = pre[:-2] if pre.endswith("ال") else pre
                    name[0] = pre + name[0]
                    new_w += name
                    new_t += [f"B-{typ}"] + [f"I-{typ}"] * (len(name) - 1)
                else:
                    new_w += words[a:b]
                    new_t += tags[a:b]
                i = b
            out.append((new_w, new_t))
    return out


def extra_data(args):
    """Extra training sentences: a share of WikiFANEGold (--fane), the Wojood sample, silver news, AQMAR."""
    extra = []
    if args.fane:
        fane = [x for x in read_wikifane(pathlib.Path(args.data) / "ner/fane_gold/WikiFANE_Gold_2014_500K.txt")
                if any(t != "O" for t in x[1])]
        random.Random(args.seed).shuffle(fane)
        extra = fane[: int(len(fane) * args.fane)]
        print(f"+ {len(extra)} WikiFANEGold sentences", flush=True)
    if args.wojood:
        woj = read_wojood(pathlib.Path(args.data) / "ner/wojood_sample/train.txt")
        extra += woj
        print(f"+ {len(woj)} Wojood sentences", flush=True)
    if args.silver:
        silver = read_conll(pathlib.Path(args.silver))
        extra += silver
        print(f"+ {len(silver)} silver sentences ({args.silver})", flush=True)
    if args.aqmar:
        aqmar = read_aqmar(pathlib.Path(args.data) / "ner/aqmar")
        extra += aqmar
        print(f"+ {len(aqmar)} AQMAR sentences", flush=True)
    return extra


if __name__ == "__main__":
    main()
