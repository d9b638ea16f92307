"""BiLSTM-CRF NER model run in numpy: word2vec + char-CNN + gazetteer features, trained by scripts/train_ner.py.

Inputs per word: the frozen news-corpus word2vec vectors of the word and of its stem (proclitics
removed by marsad.text.tokenize.proclitic_length), a character CNN over the word with the proclitic
boundary marked, gazetteer flags and shape/proclitic indicators. Weights ship as data/ner/bilstm.npz;
inference is plain numpy (no torch, no onnxruntime) so that users install nothing heavy.
For speed, inference caches each word type's input projection and runs a document's sentences
as one packed batch (see docs/evaluation/ner.md, Speed).
"""
from __future__ import annotations

import functools
import json

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


def load_gazetteer() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split(",")) for row in read_tsv("ner/gazetteer.tsv") if len(row) == 2}


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


class BiLstmCrf:
    """numpy forward pass of the trained model (weights named as in torch)."""

    def __init__(self, weights_path, meta_path, emb_path) -> None:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        self.tags: list[str] = meta["tags"]
        vocab, self.emb = load_embeddings(emb_path)
        self.feat = Featurizer(vocab, load_gazetteer(), meta["chars"], meta["prefixes"])
        with np.load(weights_path) as z:
            self.w = {k: z[k].astype(np.float32) for k in z.files}
        self.hidden = self.w["lstm.weight_hh_l0"].shape[1]
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
        k = w["char_cnn.weight"]  # out, in, width
        self.char_width = k.shape[2]
        self.char_k = np.ascontiguousarray(k.transpose(2, 1, 0).reshape(-1, k.shape[0]))  # width*E, out
        self.out_w = np.ascontiguousarray(w["out.weight"].T)
        # input projections x.W_ih + b of recently seen word types, both directions (bounded memory)
        self._rows: dict[str, int] = {}
        self._store = np.empty((GATE_CACHE, 8 * H), np.float32)

    def _inputs(self, words: list[str]) -> np.ndarray:
        """Input vectors [N,D] of distinct words: word and stem vectors, char-CNN, indicator features."""
        info = [self.feat.compute(w) for w in words]
        wid = np.array([i[0] for i in info], np.int64)
        sid = np.array([i[1] for i in info], np.int64)
        feats = np.stack([i[2] for i in info])
        chars = np.stack([i[3] for i in info])
        C = chars.shape[1]
        ce = self.w["char_emb.weight"][chars]  # N,C,E
        pad = self.char_width // 2
        cp = np.pad(ce, ((0, 0), (pad, pad), (0, 0)))
        windows = np.concatenate([cp[:, j:j + C] for j in range(self.char_width)], axis=2)  # N,C,width*E
        cvec = (windows @ self.char_k).max(axis=1) + self.w["char_cnn.bias"]
        return np.concatenate([self.emb[wid], self.emb[sid], cvec, feats], axis=1)

    def _gates(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """A table of input projections and each word's row in it; unseen words cost one matmul."""
        distinct = list(dict.fromkeys(words))
        if len(distinct) > GATE_CACHE:  # a huge batch: compute it all, cache nothing
            table = self._inputs(distinct) @ self.w_ih + self.b_ih
            at = {w: i for i, w in enumerate(distinct)}
            return table, np.fromiter((at[w] for w in words), np.int64, len(words))
        rows = self._rows
        new = [w for w in distinct if w not in rows]
        if len(rows) + len(new) > GATE_CACHE:
            rows.clear()  # cheap bound on memory; frequent words come back at once
            new = distinct
        if new:
            n0 = len(rows)
            self._store[n0:n0 + len(new)] = self._inputs(new) @ self.w_ih + self.b_ih
            rows.update(zip(new, range(n0, n0 + len(new))))
        return self._store, np.fromiter((rows[w] for w in words), np.int64, len(words))

    def _bilstm(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Hidden states [N,2H] of every word (sentence-major), with sentence lengths and offsets.

        Sentences run longest first and the batch shrinks as they end (packed sequences), so no
        step computes padding; the backward LSTM reads each sentence reversed on its own.
        """
        H = self.hidden
        lens = np.array([len(s) for s in sents], np.int64)
        offs = np.concatenate([[0], np.cumsum(lens)[:-1]])
        order = np.argsort(-lens, kind="stable")
        slens, soffs = lens[order], offs[order]
        B, T = len(sents), int(slens[0])
        store, rows = self._gates([w for s in sents for w in s])
        t_idx = np.arange(T)[:, None]
        live = t_idx < slens[None, :]  # T,B
        fwd = np.where(live, soffs + t_idx, 0)
        bwd = np.where(live, soffs + slens - 1 - t_idx, 0)
        g_all = np.empty((T, 2, B, 4 * H), np.float32)
        g_all[:, 0] = store[rows[fwd], :4 * H]
        g_all[:, 1] = store[rows[bwd], 4 * H:]
        active = live.sum(axis=1)
        w_hh = self.w_hh
        c = np.zeros((2, B, H), np.float32)
        out = np.empty((T, 2, B, H), np.float32)
        h = np.zeros((2, B, H), np.float32)
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
        # back to sentence-major word order
        tt, bb = np.nonzero(live)
        flat = soffs[bb] + tt
        hid = np.empty((len(rows), 2 * H), np.float32)
        hid[flat, :H] = out[tt, 0, bb]
        hid[soffs[bb] + slens[bb] - 1 - tt, H:] = out[tt, 1, bb]
        return hid, lens, offs

    def emissions(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Emission scores [B,T,K] (right-padded) and lengths for a batch of non-empty sentences."""
        hid, lens, offs = self._bilstm(sents)
        em_flat = hid @ self.out_w + self.w["out.bias"]
        B, T = len(sents), int(lens.max())
        em = np.zeros((B, T, em_flat.shape[1]), np.float32)
        mask = np.arange(T)[None, :] < lens[:, None]
        em[mask] = em_flat
        return em, lens

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best tag paths for a padded batch of emission scores (forward and backtrace over the batch)."""
        trans, start, end = self.w["crf.trans"], self.w["crf.start"], self.w["crf.end"]
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
                out[i] = [self.tags[k] for k in path]
        return out


@functools.cache
def load_model() -> BiLstmCrf:
    return BiLstmCrf(data_path("ner/bilstm.npz"), data_path("ner/bilstm.json"), data_path("ner/embeddings.npz"))
