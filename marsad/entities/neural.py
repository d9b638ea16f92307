"""BiLSTM-CRF NER model run in numpy: word2vec + char-CNN + gazetteer features, trained by scripts/train_ner.py.

Inputs per word: the frozen news-corpus word2vec vectors of the word and of its stem (proclitics
removed by marsad.text.tokenize.proclitic_length), a character CNN over the word with the proclitic
boundary marked, gazetteer flags and shape/proclitic indicators. Weights ship as data/ner/bilstm.npz;
inference is plain numpy (no torch, no onnxruntime) so that users install nothing heavy.
The shipped model is an ensemble of two such networks (mean of emission and CRF scores).
For speed, inference caches each word type's input projection and runs a document's sentences
as one packed batch, all networks' LSTMs stacked (see docs/evaluation/ner.md, Speed).
"""
from __future__ import annotations

import functools
import json
import pathlib

import numpy as np

from marsad.entities.features import stem_key, word_key
from marsad.resources import data_path, read_tsv

CHAR_LEN = 16  # characters per word seen by the char CNN (longer words keep first 8 + last 8)
GAZ_FLAGS = ("PER-B", "PER-I", "LOC-B", "LOC-I", "ORG-B", "ORG-I")
BOUNDARY = "|"  # marks the proclitic/stem boundary in the character sequence
GATE_CACHE = 16_384  # word types whose input projections are kept (4 KB each)


def load_embeddings(path) -> tuple[dict[str, int], np.ndarray]:
    """Word -> row, and the float32 matrix (row 0 = unknown, all zeros) from data/ner/embeddings.npz."""
    with np.load(path) as z:
        words = [str(w) for w in z["words"]]
        mat = z["q"].astype(np.float32) * z["scale"].astype(np.float32)
    mat = np.vstack([np.zeros((1, mat.shape[1]), np.float32), mat])
    return {w: i + 1 for i, w in enumerate(words)}, mat


def load_gazetteer(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Gazetteer flags by word key: the shipped file, or another one (a model's meta "gazetteer", for
    development runs with other name lists)."""
    if path:
        lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
        rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    else:
        rows = read_tsv("ner/gazetteer.tsv")
    return {row[0]: tuple(row[1].split(",")) for row in rows if len(row) == 2}


def shape_of(key: str) -> int:
    """0 Arabic word, 1 Latin, 2 number, 3 punctuation/other."""
    if not key:
        return 3
    c = key[0]
    if "\u0621" <= c <= "\u06D3":
        return 0
    if c.isascii() and c.isalpha():
        return 1
    if c.isdigit():
        return 2
    return 3


class Featurizer:
    """Turns surface words into the model's input arrays (shared by training and inference)."""

    def __init__(self, vocab: dict[str, int], gazetteer: dict[str, tuple[str, ...]],
                 chars: dict[str, int], prefixes: dict[str, int]) -> None:
        self.vocab, self.gaz, self.chars, self.prefixes = vocab, gazetteer, chars, prefixes
        self.nfeat = 2 * len(GAZ_FLAGS) + 4 + len(prefixes) + 1 + 2
        self._cache: dict[str, tuple[int, int, np.ndarray, np.ndarray]] = {}

    def word(self, w: str) -> tuple[int, int, np.ndarray, np.ndarray]:
        """(word row, stem row, feature vector, char ids) of one surface word, cached."""
        hit = self._cache.get(w)
        if hit is None:
            hit = self.compute(w)
            if len(self._cache) < 500_000:
                self._cache[w] = hit
        return hit

    def compute(self, w: str) -> tuple[int, int, np.ndarray, np.ndarray]:
        """(word row, stem row, feature vector, char ids) of one surface word, uncached."""
        key = word_key(w)
        stem = stem_key(key) if shape_of(key) == 0 else key
        prefix = key[: len(key) - len(stem)]
        f = np.zeros(self.nfeat, np.float32)
        for j, flag in enumerate(GAZ_FLAGS):
            if flag in self.gaz.get(key, ()):
                f[j] = 1
            if flag in self.gaz.get(stem, ()):
                f[len(GAZ_FLAGS) + j] = 1
        o = 2 * len(GAZ_FLAGS)
        f[o + shape_of(key)] = 1
        o += 4
        f[o + self.prefixes.get(prefix, len(self.prefixes))] = 1
        o += len(self.prefixes) + 1
        wi, si = self.vocab.get(key, 0), self.vocab.get(stem, 0)
        f[o], f[o + 1] = wi > 0, si > 0
        seq = prefix + BOUNDARY + stem if prefix else stem
        if len(seq) > CHAR_LEN:
            seq = seq[: CHAR_LEN // 2] + seq[-CHAR_LEN // 2:]
        c = np.zeros(CHAR_LEN, np.int64)
        for j, ch in enumerate(seq):
            c[j] = self.chars.get(ch, 1)
        return wi, si, f, c

    def batch(self, sents: list[list[str]]):
        """Right-padded arrays: word ids, stem ids [B,T]; feats [B,T,F]; chars [B,T,C]; lengths [B]."""
        lens = np.array([len(s) for s in sents], np.int64)
        B, T = len(sents), int(lens.max()) if len(sents) else 0
        wid = np.zeros((B, T), np.int64)
        sid = np.zeros((B, T), np.int64)
        feats = np.zeros((B, T, self.nfeat), np.float32)
        chars = np.zeros((B, T, CHAR_LEN), np.int64)
        for b, s in enumerate(sents):
            for t, w in enumerate(s):
                wid[b, t], sid[b, t], feats[b, t], chars[b, t] = self.word(w)
        return wid, sid, feats, chars, lens


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class _Net:
    """One trained network's forward pass up to emission scores (weights named as in torch)."""

    def __init__(self, w: dict[str, np.ndarray], feat: Featurizer, emb: np.ndarray) -> None:
        self.w, self.feat, self.emb = w, feat, emb
        self.hidden = w["lstm.weight_hh_l0"].shape[1]
        self._prepare()

    def _prepare(self) -> None:
        """Stack both LSTM directions' weights once, gates reordered i, f, o, g (one tanh for all four).

        The i, f, o columns are scaled by 0.5 (exact in floating point), so that one tanh over all
        four gates gives tanh(x/2) for them, and sigmoid(x) = 0.5 * tanh(x/2) + 0.5.
        """
        w, H = self.w, self.hidden
        order = np.r_[0:2 * H, 3 * H:4 * H, 2 * H:3 * H]
        dirs = ("", "_reverse")
        half = np.ones(4 * H, np.float32)
        half[:3 * H] = 0.5
        self.w_ih = np.ascontiguousarray(np.concatenate(
            [w[f"lstm.weight_ih_l0{d}"][order].T * half for d in dirs], axis=1))
        self.b_ih = np.concatenate([(w[f"lstm.bias_ih_l0{d}"] + w[f"lstm.bias_hh_l0{d}"])[order] * half
                                    for d in dirs])
        self.w_hh = np.ascontiguousarray(np.stack([w[f"lstm.weight_hh_l0{d}"][order].T * half for d in dirs]))
        # one char CNN (char_cnn.*) or several widths (char_cnns.0.*, char_cnns.1.* ...), max-pooled
        widths = sum(1 for k in w if k.startswith("char_cnns.") and k.endswith(".weight"))
        names = ["char_cnn"] if "char_cnn.weight" in w else [f"char_cnns.{j}" for j in range(widths)]
        self.char_convs = []
        for name in names:
            k = w[f"{name}.weight"]  # out, in, width
            self.char_convs.append((k.shape[2], np.ascontiguousarray(k.transpose(2, 1, 0).reshape(-1, k.shape[0])),
                                    w[f"{name}.bias"]))
        self.out_w = np.ascontiguousarray(w["out.weight"].T)
        self.store = np.empty((0, 8 * H), np.float32)  # input projections of cached word types (see _Gates)

    def project(self, info: list[tuple[int, int, np.ndarray, np.ndarray]]) -> np.ndarray:
        """Input projections x.W_ih + b [N, 8H] (both directions) of words given by Featurizer.compute."""
        wid = np.array([i[0] for i in info], np.int64)
        sid = np.array([i[1] for i in info], np.int64)
        feats = np.stack([i[2] for i in info])
        chars = np.stack([i[3] for i in info])
        C = chars.shape[1]
        ce = self.w["char_emb.weight"][chars]  # N,C,E
        cvecs = []
        for width, kernel, bias in self.char_convs:
            # torch's Conv1d with padding=width//2 (an even width yields C+1 positions)
            pad = width // 2
            cp = np.pad(ce, ((0, 0), (pad, pad), (0, 0)))
            n = C + 2 * pad - width + 1
            windows = np.concatenate([cp[:, j:j + n] for j in range(width)], axis=2)  # N,n,width*E
            cvecs.append((windows @ kernel).max(axis=1) + bias)
        x = np.concatenate([self.emb[wid], self.emb[sid], *cvecs, feats], axis=1)
        return x @ self.w_ih + self.b_ih


class _Gates:
    """Input projections of recently seen word types for every network, in a fixed store.

    A word's LSTM input depends only on the word, so x.W_ih + b (both directions) is computed once,
    in one matmul over a batch's unseen words (their features computed once for all networks), and
    later occurrences, within and across documents, cost a row lookup.
    """

    def __init__(self, feat: Featurizer, nets: list[_Net]) -> None:
        self.feat, self.nets = feat, nets
        self.rows: dict[str, int] = {}
        for net in nets:
            net.store = np.empty((GATE_CACHE, 8 * net.hidden), np.float32)

    def __call__(self, words: list[str]) -> tuple[list[np.ndarray], np.ndarray]:
        """Each network's table of projections and each word's row in it."""
        distinct = list(dict.fromkeys(words))
        if len(distinct) > GATE_CACHE:  # a huge batch: compute it all, cache nothing
            info = [self.feat.compute(w) for w in distinct]
            at = {w: i for i, w in enumerate(distinct)}
            where = np.fromiter((at[w] for w in words), np.int64, len(words))
            return [net.project(info) for net in self.nets], where
        rows = self.rows
        new = [w for w in distinct if w not in rows]
        if len(rows) + len(new) > GATE_CACHE:
            rows.clear()  # cheap bound on memory; frequent words come back at once
            new = distinct
        if new:
            n0 = len(rows)
            info = [self.feat.compute(w) for w in new]
            for net in self.nets:
                net.store[n0:n0 + len(new)] = net.project(info)
            rows.update(zip(new, range(n0, n0 + len(new))))
        return [net.store for net in self.nets], np.fromiter((rows[w] for w in words), np.int64, len(words))


def _bilstm(nets: list[_Net], stores: list[np.ndarray], rows: np.ndarray, w_hh: np.ndarray,
            sents: list[list[str]]) -> np.ndarray:
    """Hidden states [N, 2H * nets] of every word (sentence-major) for networks of one hidden size.

    All their directions run as one stacked batch (w_hh [2 * nets, H, 4H]), so an ensemble costs
    no more numpy calls per step than one network (its arithmetic still grows with each network). Sentences run longest first and the batch
    shrinks as they end (packed sequences), so no step computes padding; the backward LSTM reads
    each sentence reversed on its own.
    """
    H, D = nets[0].hidden, 2 * len(nets)
    lens = np.array([len(s) for s in sents], np.int64)
    offs = np.concatenate([[0], np.cumsum(lens)[:-1]])
    order = np.argsort(-lens, kind="stable")
    slens, soffs = lens[order], offs[order]
    B, T = len(sents), int(slens[0])
    t_idx = np.arange(T)[:, None]
    live = t_idx < slens[None, :]  # T,B
    fwd = np.where(live, soffs + t_idx, 0)
    bwd = np.where(live, soffs + slens - 1 - t_idx, 0)
    g_all = np.empty((T, D, B, 4 * H), np.float32)
    rf, rb = rows[fwd], rows[bwd]
    for i, store in enumerate(stores):
        g_all[:, 2 * i] = store[rf, :4 * H]
        g_all[:, 2 * i + 1] = store[rb, 4 * H:]
    active = live.sum(axis=1)
    c = np.zeros((D, B, H), np.float32)
    out = np.empty((T, D, B, H), np.float32)
    h = np.zeros((D, B, H), np.float32)
    for t in range(T):
        n = int(active[t])
        g = g_all[t, :, :n]
        g += h[:, :n] @ w_hh
        np.tanh(g, out=g)
        s = g[..., :3 * H]
        s *= 0.5
        s += 0.5
        cn = c[:, :n]
        cn *= s[..., H:2 * H]
        cn += s[..., :H] * g[..., 3 * H:]
        hn = out[t, :, :n]
        np.tanh(cn, out=hn)
        hn *= s[..., 2 * H:]
        h = out[t]
    # back to sentence-major word order: forward states in even blocks of H, backward in odd ones
    tt, bb = np.nonzero(live)
    hid = np.empty((len(rows), D, H), np.float32)
    hid[soffs[bb] + tt, 0::2] = out[tt, 0::2, bb]
    hid[soffs[bb] + slens[bb] - 1 - tt, 1::2] = out[tt, 1::2, bb]
    return hid.reshape(len(rows), D * H)


class BiLstmCrf:
    """numpy forward pass of the trained model: one network, or an ensemble of several whose
    emission scores and CRF parameters are averaged (bilstm.json "members" > 1; weights m0.*, m1.* ...)."""

    def __init__(self, weights_path, meta_path, emb_path) -> None:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        self.tags: list[str] = meta["tags"]
        vocab, self.emb = load_embeddings(emb_path)
        self.feat = Featurizer(vocab, load_gazetteer(meta.get("gazetteer")), meta["chars"], meta["prefixes"])
        with np.load(weights_path) as z:
            arrays = {k: z[k].astype(np.float32) for k in z.files}
        n = int(meta.get("members", 1))
        parts = [arrays] if n == 1 else \
            [{k[len(f"m{i}."):]: v for k, v in arrays.items() if k.startswith(f"m{i}.")} for i in range(n)]
        nets = [_Net(w, self.feat, self.emb) for w in parts]
        # networks of one hidden size run their LSTMs as one stacked batch (one w_hh [2 * nets, H, 4H])
        sizes = list(dict.fromkeys(net.hidden for net in nets))
        self.groups = [[net for net in nets if net.hidden == h] for h in sizes]
        self.nets = [net for group in self.groups for net in group]
        self.gates = _Gates(self.feat, self.nets)
        self.w_hh = [np.ascontiguousarray(np.concatenate([net.w_hh for net in group])) for group in self.groups]
        # the mean of the networks' emission scores is one matmul over their stacked hidden states
        self.out_w = np.ascontiguousarray(np.concatenate([net.out_w for net in self.nets]) / n)
        self.out_b = np.mean([w["out.bias"] for w in parts], axis=0)
        self.crf = tuple(np.mean([w[f"crf.{k}"] for w in parts], axis=0) for k in ("trans", "start", "end"))
        # BIOES models (tags with E-/S-) are decoded to BIO for callers
        self.bio = [t.replace("E-", "I-", 1).replace("S-", "B-", 1) for t in self.tags]

    def _starts(self) -> list[int]:
        """Index of each group's first network in self.nets."""
        return list(np.cumsum([0] + [len(g) for g in self.groups])[:-1])

    def emissions(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Emission scores [B,T,K] (right-padded) and lengths for a batch of non-empty sentences."""
        stores, rows = self.gates([w for s in sents for w in s])
        hid = [_bilstm(group, stores[k:k + len(group)], rows, w_hh, sents)
               for group, w_hh, k in zip(self.groups, self.w_hh, self._starts())]
        em_flat = (hid[0] if len(hid) == 1 else np.concatenate(hid, axis=1)) @ self.out_w + self.out_b
        lens = np.array([len(s) for s in sents], np.int64)
        B, T = len(sents), int(lens.max())
        em = np.zeros((B, T, em_flat.shape[1]), np.float32)
        mask = np.arange(T)[None, :] < lens[:, None]
        em[mask] = em_flat
        return em, lens

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best tag paths for a padded batch of emission scores (forward and backtrace over the batch)."""
        trans, start, end = self.crf
        B, T, K = em.shape
        score = start + em[:, 0]
        back = np.empty((B, T, K), np.int64)
        back[:, 0] = np.arange(K)
        for t in range(1, T):
            cand = score[:, :, None] + trans[None]  # from, to
            best = cand.argmax(axis=1)
            new = cand.max(axis=1) + em[:, t]
            live = (t < lens)[:, None]
            score = np.where(live, new, score)
            # past a sentence's end the back pointer is the identity, so one backtrace serves all
            back[:, t] = np.where(live, best, np.arange(K)[None, :])
        k = (score + end).argmax(axis=1)
        paths = np.empty((B, T), np.int64)
        rows = np.arange(B)
        for t in range(T - 1, -1, -1):
            paths[:, t] = k
            k = back[rows, t, k]
        return [p[:n] for p, n in zip(paths.tolist(), lens.tolist())]

    def tag_sentences(self, sentences: list[list[str]], batch_size: int = 64) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            em, lens = self.emissions([sentences[i] for i in idx])
            for i, path in zip(idx, self.viterbi(em, lens)):
                out[i] = [self.bio[k] for k in path]
        return out


@functools.cache
def load_model() -> BiLstmCrf:
    return BiLstmCrf(data_path("ner/bilstm.npz"), data_path("ner/bilstm.json"), data_path("ner/embeddings.npz"))
