"""BiLSTM-CRF NER model run in numpy: word2vec + char-CNN + gazetteer features, trained by scripts/train_ner.py.

Inputs per word: the frozen news-corpus word2vec vectors of the word and of its stem (proclitics
removed by marsad.text.tokenize.proclitic_length), a character CNN over the word with the proclitic
boundary marked, gazetteer flags and shape/proclitic indicators. Weights ship as data/ner/bilstm.npz;
inference is plain numpy (no torch, no onnxruntime) so that users install nothing heavy.
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
        if hit is not None:
            return hit
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
        out = (wi, si, f, c)
        if len(self._cache) < 500_000:
            self._cache[w] = out
        return out

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
        """Stack both LSTM directions' weights once, gates reordered i, f, o, g (one sigmoid for three)."""
        w, H = self.w, self.hidden
        order = np.r_[0:2 * H, 3 * H:4 * H, 2 * H:3 * H]
        dirs = ("", "_reverse")
        self.w_ih = np.ascontiguousarray(np.concatenate([w[f"lstm.weight_ih_l0{d}"][order].T for d in dirs], axis=1))
        self.b_ih = np.concatenate([(w[f"lstm.bias_ih_l0{d}"] + w[f"lstm.bias_hh_l0{d}"])[order] for d in dirs])
        self.w_hh = [np.ascontiguousarray(w[f"lstm.weight_hh_l0{d}"][order].T) for d in dirs]
        k = w["char_cnn.weight"]  # out, in, width
        self.char_width = k.shape[2]
        self.char_k = np.ascontiguousarray(k.transpose(2, 1, 0).reshape(-1, k.shape[0]))  # width*E, out

    def _bilstm(self, x: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Both directions in one time loop over time-major x [T,B,D]; returns [T,B,2H].

        The backward LSTM reads each sentence reversed on its own, so both directions see their
        padding only after the real words and no step needs masking.
        """
        H = self.hidden
        T, B, _ = x.shape
        gates = x @ self.w_ih + self.b_ih  # T,B,8H
        t_idx = np.arange(T)[:, None]
        rev = np.where(t_idx < lens[None, :], lens[None, :] - 1 - t_idx, t_idx)  # T,B: reversed positions
        b_idx = np.arange(B)[None, :]
        g_all = np.empty((T, B, 2, 4 * H), np.float32)
        g_all[:, :, 0] = gates[:, :, :4 * H]
        g_all[:, :, 1] = gates[rev, b_idx, 4 * H:]
        wf, wb = self.w_hh
        h = np.zeros((B, 2, H), np.float32)
        c = np.zeros((B, 2, H), np.float32)
        out = np.empty((T, B, 2, H), np.float32)
        for t in range(T):
            g = g_all[t]
            g[:, 0] += h[:, 0] @ wf
            g[:, 1] += h[:, 1] @ wb
            sg = _sigmoid(g[..., :3 * H])
            c = sg[..., H:2 * H] * c + sg[..., :H] * np.tanh(g[..., 3 * H:])
            h = sg[..., 2 * H:] * np.tanh(c)
            out[t] = h
        return np.concatenate([out[:, :, 0], out[rev, b_idx, 1]], axis=2)

    def emissions(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Emission scores [B,T,K] and lengths for a batch of sentences."""
        wid, sid, feats, chars, lens = self.feat.batch(sents)
        w = self.w
        B, T = wid.shape
        C = chars.shape[2]
        # time-major from here on, so the LSTM reads contiguous slices
        ce = w["char_emb.weight"][chars.transpose(1, 0, 2)].reshape(T * B, C, -1)
        pad = self.char_width // 2
        cp = np.pad(ce, ((0, 0), (pad, pad), (0, 0)))
        windows = np.concatenate([cp[:, j:j + C] for j in range(self.char_width)], axis=2)  # N,C,width*E
        cvec = (windows @ self.char_k).max(axis=1).reshape(T, B, -1) + w["char_cnn.bias"]
        x = np.concatenate([self.emb[wid.T], self.emb[sid.T], cvec, feats.transpose(1, 0, 2)], axis=2)
        h = self._bilstm(x, lens)
        em = h @ w["out.weight"].T + w["out.bias"]
        return em.transpose(1, 0, 2), lens

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best tag paths for a padded batch of emission scores."""
        trans, start, end = self.w["crf.trans"], self.w["crf.start"], self.w["crf.end"]
        B, T, K = em.shape
        score = start + em[:, 0]
        back = np.zeros((B, T, K), np.int64)
        for t in range(1, T):
            cand = score[:, :, None] + trans[None]  # from, to
            best = cand.argmax(axis=1)
            new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
            live = (t < lens)[:, None]
            score = np.where(live, new, score)
            back[:, t] = np.where(live, best, np.arange(K)[None, :])
        score = score + end
        paths = []
        for b in range(B):
            n = int(lens[b])
            k = int(score[b].argmax())
            path = [k]
            for t in range(n - 1, 0, -1):
                k = int(back[b, t, k])
                path.append(k)
            paths.append(path[::-1])
        return paths

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
