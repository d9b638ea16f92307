"""Train the BiLSTM-CRF NER model (marsad/data/ner/bilstm.npz + bilstm.json) with CPU torch.

Data: ANERcorp train (../shared/data/ner/anercorp/train.txt) plus, with --fane, a share of
WikiFANEGold (Wikipedia, fine classes mapped to PER/ORG/LOC; re-joined to whitespace tokens) and,
with --aqmar, AQMAR's sentences with names (tried once: it lowered dev F1, so not in the shipped recipe). The
dev split (the last tenth of ANERcorp train) picks epochs and settings; the test file is never read.
Needs marsad/data/ner/embeddings.npz (scripts/build_embeddings.py) and gazetteer.tsv
(scripts/build_ner_gazetteer.py). torch is a development dependency only: weights are saved as
numpy arrays and run by marsad.entities.neural. One thread, fixed seed.
Usage: OMP_NUM_THREADS=1 python scripts/train_ner.py --epochs 12 --fane 0.3           (dev run)
       OMP_NUM_THREADS=1 python scripts/train_ner.py --fane 0.3 --full 12 --average 6  (ship)
       OMP_NUM_THREADS=1 python scripts/train_ner.py --score WORK/avg7 --emb E.npz     (dev F1 of saved weights)
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
from marsad.entities.features import stem_key, word_key  # noqa: E402
from marsad.entities.neural import (BOUNDARY, BiLstmCrf, Featurizer, load_embeddings,  # noqa: E402
                                    load_gazetteer, shape_of)
from marsad.evaluation.ner import format_table, read_conll, score  # noqa: E402

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
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


class Model(nn.Module):
    def __init__(self, emb: np.ndarray, nchars: int, nfeat: int, hidden: int, char_dim: int, char_out: int,
                 dropout: float) -> None:
        super().__init__()
        # frozen word2vec vectors from marsad/data/ner/embeddings.npz (local; built by build_embeddings.py)
        vectors = torch.from_numpy(emb)
        self.emb = nn.Embedding(vectors.shape[0], vectors.shape[1], _weight=vectors, _freeze=True)
        self.char_emb = nn.Embedding(nchars, char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(char_dim, char_out, 3, padding=1)
        ind = 2 * emb.shape[1] + char_out + nfeat
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(ind, hidden, batch_first=True, bidirectional=True)
        self.drop2 = nn.Dropout(0.3)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        self.crf = Crf(len(TAGS))

    def emissions(self, wid, sid, feats, chars, lens):
        B, T, C = chars.shape
        ce = self.char_emb(chars.view(B * T, C)).transpose(1, 2)  # N,E,C
        cvec = self.char_cnn(ce).max(dim=2).values.view(B, T, -1)
        x = torch.cat([self.emb(wid), self.emb(sid), cvec, feats], dim=2)
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


def tensors(feat: Featurizer, batch, word_dropout: float, rng: random.Random):
    wid, sid, feats, chars, lens = feat.batch([w for w, _ in batch])
    tags = np.zeros(wid.shape, np.int64)
    for b, (_, ts) in enumerate(batch):
        tags[b, : len(ts)] = [TAGS.index(t) for t in ts]
    if word_dropout:
        drop = np.array([[rng.random() < word_dropout for _ in range(wid.shape[1])] for _ in batch])
        wid = np.where(drop, 0, wid)
    mask = np.arange(wid.shape[1])[None, :] < lens[:, None]
    return [torch.from_numpy(a) for a in (wid, sid, feats, chars)] + [torch.from_numpy(lens),
                                                                       torch.from_numpy(tags), torch.from_numpy(mask)]


def save(model: Model, meta: dict, prefix: pathlib.Path) -> None:
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items() if not k.startswith("emb.")}
    np.savez_compressed(f"{prefix}.npz", **{k: v.astype(np.float16) for k, v in sd.items()})
    pathlib.Path(f"{prefix}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")


def evaluate(prefix: pathlib.Path, dev) -> dict:
    tagger = BiLstmCrf(pathlib.Path(f"{prefix}.npz"), pathlib.Path(f"{prefix}.json"), EMB)
    pred = tagger.tag_sentences([w for w, _ in dev])
    return score([t for _, t in dev], pred)


def average(prefix: pathlib.Path, first: int, last: int, out: pathlib.Path) -> None:
    """Mean of the weights saved after epochs first..last (smoother than any single epoch)."""
    arrays = [np.load(f"{prefix}_e{e}.npz") for e in range(first, last + 1)]
    mean = {k: np.mean([a[k].astype(np.float32) for a in arrays], axis=0).astype(np.float16) for k in arrays[0].files}
    np.savez_compressed(f"{out}.npz", **mean)
    pathlib.Path(f"{out}.json").write_text(pathlib.Path(f"{prefix}.json").read_text(encoding="utf-8"), encoding="utf-8")


def train(sents, dev, args, prefix: pathlib.Path, epochs: int):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    vocab, emb = load_embeddings(EMB)
    char_ids, prefix_ids = build_vocabs(sents)
    feat = Featurizer(vocab, load_gazetteer(), char_ids, prefix_ids)
    meta = {"tags": TAGS, "chars": char_ids, "prefixes": prefix_ids}
    model = Model(emb, len(char_ids) + 2, feat.nfeat, args.hidden, 25, args.char_out, args.dropout)
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
            wid, sid, feats, chars, lens, tags, mask = tensors(feat, batch, args.word_dropout, rng)
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
            f1 = evaluate(prefix, dev)["ALL"][2]
            msg += f" dev F1 {f1:.2f}"
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
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decay", type=float, default=0.9, help="learning rate factor per epoch")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--work", default="/tmp/marsad_ner")
    ap.add_argument("--emb", default=str(DATA / "embeddings.npz"), help="embeddings.npz to train with")
    ap.add_argument("--average", type=int, default=1, help="with --full: average the last N epochs' weights")
    ap.add_argument("--fane", type=float, default=0.0, help="add this share of WikiFANEGold sentences")
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR's sentences with names")
    ap.add_argument("--out", default=str(DATA / "bilstm"), help="with --full: where the model goes")
    ap.add_argument("--limit", type=int, default=0, help="smoke test: first N sentences only")
    ap.add_argument("--score", default="", help="only score these saved weights (path without .npz) on dev")
    args = ap.parse_args()
    globals()["EMB"] = pathlib.Path(args.emb)
    torch.set_num_threads(1)
    sents = read_conll(pathlib.Path(args.data) / "ner/anercorp/train.txt")
    if args.limit:
        sents = sents[: args.limit]
    if args.score:  # e.g. the same dev-run weights with another embeddings file (frozen vectors)
        print(format_table(evaluate(pathlib.Path(args.score), split_dev(sents)[1])))
        return
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    extra = []
    if args.fane:
        fane = [x for x in read_wikifane(pathlib.Path(args.data) / "ner/fane_gold/WikiFANE_Gold_2014_500K.txt")
                if any(t != "O" for t in x[1])]
        random.Random(args.seed).shuffle(fane)
        extra = fane[: int(len(fane) * args.fane)]
        print(f"+ {len(extra)} WikiFANEGold sentences", flush=True)
    if args.aqmar:
        aqmar = read_aqmar(pathlib.Path(args.data) / "ner/aqmar")
        extra += aqmar
        print(f"+ {len(aqmar)} AQMAR sentences", flush=True)
    if args.full:
        train(sents + extra, [], args, work / "full", args.full)
        average(work / "full", args.full - args.average + 1, args.full, pathlib.Path(args.out))
        print(f"shipped {args.out}.npz: mean of the last {args.average} of {args.full} epochs on all of train")
        return
    tr, dev = split_dev(sents)
    tr = tr + extra
    best, epoch = train(tr, dev, args, work / "dev", args.epochs)
    _, dev_sents = split_dev(sents)
    print(f"best dev F1 {best:.2f} at epoch {epoch}")
    for first in range(max(1, args.epochs - 6), args.epochs):
        average(work / "dev", first, args.epochs, work / f"avg{first}")
        print(f"average of epochs {first}-{args.epochs}: dev F1 {evaluate(work / f'avg{first}', dev_sents)['ALL'][2]:.2f}",
              flush=True)
    print(format_table(evaluate(work / "dev_best", dev_sents)))


if __name__ == "__main__":
    main()
