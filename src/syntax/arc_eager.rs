//! spaCy's arc-eager transition system (`arc_eager.pyx`, `_state.pxd`), with its non-monotonic
//! reduce (unshift), the sentence-break move, and what happens after the last move: roots,
//! sentence starts (`set_children_from_heads`) and de-projectivisation (`nonproj.pyx`).

use super::features::is_space;

/// The kind of an arc-eager move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoveKind {
    /// `S`: push the first word of the buffer.
    Shift,
    /// `D`: pop the stack (or put a headless word back onto the buffer).
    Reduce,
    /// `L-label`: the buffer's first word becomes the head of the stack's top, which is popped.
    Left,
    /// `R-label`: the stack's top becomes the head of the buffer's first word, which is pushed.
    Right,
    /// `B-ROOT`: the buffer's second word starts a sentence.
    Break,
}

/// One move of the parser's output layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Move {
    pub(crate) kind: MoveKind,
    /// The dependency label (for `L`/`R`, possibly lifted: `relcl||dobj`).
    pub(crate) label: &'static str,
}

impl Move {
    /// Parses a move name of spaCy's `get_class_name` (`S`, `D`, `L-nsubj`, `R-relcl||dobj`,
    /// `B-ROOT`).
    pub(crate) fn parse(name: &'static str) -> Option<Move> {
        let (kind, label) = match name.split_once('-') {
            Some((kind, label)) => (kind, label),
            None => (name, ""),
        };
        let kind = match kind {
            "S" => MoveKind::Shift,
            "D" => MoveKind::Reduce,
            "L" => MoveKind::Left,
            "R" => MoveKind::Right,
            "B" => MoveKind::Break,
            _ => return None,
        };
        Some(Move { kind, label })
    }
}

/// spaCy's `subtok` label: its arcs are valid only between adjacent words.
const SUBTOK: &str = "subtok";

#[derive(Debug, Clone, Copy)]
struct Arc {
    child: i32,
}

/// The parse state (spaCy's `StateC`), O(tokens) memory.
#[derive(Debug)]
pub(crate) struct State {
    length: i32,
    heads: Vec<i32>,
    labels: Vec<&'static str>,
    stack: Vec<i32>,
    rebuffer: Vec<i32>,
    b_i: i32,
    /// Per head, its left (right) arcs in the order they were added.
    left_arcs: Vec<Vec<Arc>>,
    right_arcs: Vec<Vec<Arc>>,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
}

impl State {
    pub(crate) fn new(length: usize) -> State {
        State {
            length: i32::try_from(length).unwrap_or(i32::MAX),
            heads: vec![-1; length],
            labels: vec![""; length],
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            left_arcs: vec![Vec::new(); length],
            right_arcs: vec![Vec::new(); length],
            unshiftable: vec![false; length],
            sent_starts: vec![false; length],
        }
    }

    fn s(&self, index: usize) -> i32 {
        if index >= self.stack.len() {
            -1
        } else {
            self.stack[self.stack.len() - 1 - index]
        }
    }

    fn b(&self, index: usize) -> i32 {
        if index < self.rebuffer.len() {
            return self.rebuffer[self.rebuffer.len() - 1 - index];
        }
        let b_i = self.b_i + (index - self.rebuffer.len()) as i32;
        if b_i >= self.length {
            -1
        } else {
            b_i
        }
    }

    /// The `index`-th most recently added child among `arcs[head]` (1 = the last).
    fn nth_child(arcs: &[Vec<Arc>], head: i32, index: usize) -> i32 {
        let Ok(head) = usize::try_from(head) else { return -1 };
        let Some(arcs) = arcs.get(head) else { return -1 };
        arcs.iter().rev().filter(|arc| arc.child != -1).nth(index - 1).map_or(-1, |arc| arc.child)
    }

    fn l(&self, head: i32, index: usize) -> i32 {
        Self::nth_child(&self.left_arcs, head, index)
    }

    fn r(&self, head: i32, index: usize) -> i32 {
        Self::nth_child(&self.right_arcs, head, index)
    }

    fn buffer_length(&self) -> i32 {
        (self.length - self.b_i) + self.rebuffer.len() as i32
    }

    /// Whether the parse is complete.
    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, word: i32) -> bool {
        usize::try_from(word)
            .ok()
            .and_then(|word| self.sent_starts.get(word))
            .copied()
            .unwrap_or(false)
    }

    fn has_head(&self, child: i32) -> bool {
        self.heads[child as usize] >= 0
    }

    fn is_unshiftable(&self, item: i32) -> bool {
        usize::try_from(item)
            .ok()
            .and_then(|item| self.unshiftable.get(item))
            .copied()
            .unwrap_or(false)
    }

    /// The eight feature tokens of spaCy's parser (`set_context_tokens` with n = 8).
    pub(crate) fn context_tokens(&self, ids: &mut [i32; 8]) {
        let b0 = self.b(0);
        let s0 = self.s(0);
        *ids =
            [b0, self.b(1), s0, self.s(1), self.s(2), self.l(b0, 1), self.l(s0, 1), self.r(s0, 1)];
    }

    fn push(&mut self) {
        let b0 = match self.rebuffer.pop() {
            Some(b0) => b0,
            None => {
                self.b_i += 1;
                self.b_i - 1
            }
        };
        self.stack.push(b0);
    }

    fn add_arc(&mut self, head: i32, child: i32, label: &'static str) {
        if self.has_head(child) {
            self.del_arc(self.heads[child as usize], child);
        }
        let arcs = if head > child { &mut self.left_arcs } else { &mut self.right_arcs };
        arcs[head as usize].push(Arc { child });
        self.heads[child as usize] = head;
        self.labels[child as usize] = label;
    }

    fn del_arc(&mut self, head: i32, child: i32) {
        let arcs = if head > child { &mut self.left_arcs } else { &mut self.right_arcs };
        let Some(arcs) = arcs.get_mut(head as usize) else { return };
        // spaCy removes the arc only when it is the last one of its head: its loop over the
        // others edits a copy of each arc (Cython), so they stay. Kept for identical features.
        if arcs.last().is_some_and(|arc| arc.child == child) {
            arcs.pop();
        }
    }

    /// Whether `mv` is allowed in this state.
    pub(crate) fn is_valid(&self, mv: &Move) -> bool {
        match mv.kind {
            MoveKind::Shift => {
                if self.stack.is_empty() {
                    true
                } else if self.buffer_length() < 2 {
                    false
                } else {
                    !self.is_sent_start(self.b(0)) && !self.is_unshiftable(self.b(0))
                }
            }
            // No preset sentence boundaries: `cannot_sent_start` is always false here.
            MoveKind::Reduce => !self.stack.is_empty(),
            MoveKind::Left | MoveKind::Right => {
                if self.stack.is_empty()
                    || self.buffer_length() == 0
                    || self.is_sent_start(self.b(0))
                {
                    false
                } else {
                    !(mv.label == SUBTOK && self.s(0) != self.b(0) - 1)
                }
            }
            MoveKind::Break => {
                self.buffer_length() >= 2
                    && self.b(1) == self.b(0) + 1
                    && !self.is_sent_start(self.b(1))
            }
        }
    }

    /// Applies `mv` (which must be valid).
    pub(crate) fn apply(&mut self, mv: &Move) {
        match mv.kind {
            MoveKind::Shift => self.push(),
            MoveKind::Reduce => {
                let s0 = self.s(0);
                if self.has_head(s0) || self.stack.len() == 1 {
                    self.stack.pop();
                } else {
                    self.unshiftable[s0 as usize] = true;
                    self.rebuffer.push(s0);
                    self.stack.pop();
                }
            }
            MoveKind::Left => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, mv.label);
                if let Some(flag) = self.unshiftable.get_mut(b0 as usize) {
                    *flag = false;
                }
                self.stack.pop();
            }
            MoveKind::Right => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(s0, b0, mv.label);
                self.push();
            }
            MoveKind::Break => {
                let b1 = self.b(1);
                if let Some(flag) =
                    usize::try_from(b1).ok().and_then(|b1| self.sent_starts.get_mut(b1))
                {
                    *flag = true;
                }
            }
        }
    }

    /// Ends the parse at once (spaCy's `force_final`, when no move is valid).
    pub(crate) fn force_final(&mut self) {
        self.stack.clear();
        self.rebuffer.clear();
        self.b_i = self.length;
    }

    /// The parse as spaCy annotates the document: heads (a root is its own head), labels
    /// (`ROOT` for roots, lifted labels de-projectivised) and sentence starts.
    pub(crate) fn finish(self, words: &[&str]) -> (Vec<usize>, Vec<&'static str>, Vec<bool>) {
        let n_tokens = self.heads.len();
        let mut heads: Vec<usize> = (0..n_tokens)
            .map(|child| usize::try_from(self.heads[child]).unwrap_or(child))
            .collect();
        let mut labels = self.labels;
        for (child, label) in labels.iter_mut().enumerate() {
            if heads[child] == child {
                *label = "ROOT";
            }
        }
        let mut tree = Tree::new(n_tokens);
        tree.set_children_from_heads(&heads);
        deprojectivize(&mut heads, &mut labels, &tree, words);
        tree.set_children_from_heads(&heads);
        (heads, labels, tree.sent_starts)
    }
}

/// Left and right edges and sentence starts, computed as spaCy's `set_children_from_heads`.
struct Tree {
    l_edge: Vec<usize>,
    r_edge: Vec<usize>,
    sent_starts: Vec<bool>,
}

impl Tree {
    fn new(n_tokens: usize) -> Tree {
        Tree {
            l_edge: (0..n_tokens).collect(),
            r_edge: (0..n_tokens).collect(),
            sent_starts: vec![false; n_tokens],
        }
    }

    fn set_children_from_heads(&mut self, heads: &[usize]) {
        let n_tokens = heads.len();
        if n_tokens == 0 {
            return;
        }
        for index in 0..n_tokens {
            self.l_edge[index] = index;
            self.r_edge[index] = index;
        }
        // spaCy repeats the edge propagation (for non-projective trees) until every head lies in
        // its sentence, at most 12 times.
        let mut loop_count = 0;
        while !self.propagate_edges(heads) {
            if loop_count > 10 {
                break;
            }
            loop_count += 1;
        }
        self.sent_starts.iter_mut().for_each(|start| *start = false);
        for (index, head) in heads.iter().enumerate() {
            if *head == index {
                self.sent_starts[self.l_edge[index]] = true;
            }
        }
    }

    fn propagate_edges(&mut self, heads: &[usize]) -> bool {
        let n_tokens = heads.len();
        for (child, &head) in heads.iter().enumerate() {
            if self.l_edge[child] < self.l_edge[head] {
                self.l_edge[head] = self.l_edge[child];
            }
            if self.r_edge[child] > self.r_edge[head] {
                self.r_edge[head] = self.r_edge[child];
            }
        }
        for (child, &head) in heads.iter().enumerate().rev() {
            if self.r_edge[child] > self.r_edge[head] {
                self.r_edge[head] = self.r_edge[child];
            }
            if self.l_edge[child] < self.l_edge[head] {
                self.l_edge[head] = self.l_edge[child];
            }
        }
        let mut starts = vec![false; n_tokens];
        for (index, head) in heads.iter().enumerate() {
            if *head == index {
                starts[self.l_edge[index]] = true;
            }
        }
        let mut sentence_start = 0;
        for (index, &starts_sentence) in starts.iter().enumerate() {
            if (index > 0 && starts_sentence) || index == n_tokens - 1 {
                let sentence_end = index;
                // spaCy's test: a head outside [start, end] (the end token included).
                for head in &heads[sentence_start..sentence_end] {
                    if *head < sentence_start || *head > sentence_end {
                        return false;
                    }
                }
                sentence_start = index;
            }
        }
        true
    }

    /// The children of `token` in text order, as spaCy's `Token.children` finds them (between
    /// the token's edges).
    fn children(&self, heads: &[usize], token: usize) -> Vec<usize> {
        let mut children: Vec<usize> =
            (self.l_edge[token]..token).filter(|child| heads[*child] == token).collect();
        children.extend((token + 1..=self.r_edge[token]).filter(|child| heads[*child] == token));
        children
    }
}

/// spaCy's `nonproj.deprojectivize`: a lifted arc `label||head_label` is reattached to the first
/// descendant of its head (breadth-first, left to right, skipping white space) labelled
/// `head_label`, and labelled `label`.
fn deprojectivize(heads: &mut [usize], labels: &mut [&'static str], tree: &Tree, words: &[&str]) {
    for token in 0..heads.len() {
        let Some((label, head_label)) = labels[token].split_once("||") else { continue };
        let mut new_head = heads[token];
        let mut queue = vec![heads[token]];
        let mut visited = 0;
        'search: while !queue.is_empty() && visited <= heads.len() {
            let mut next_queue = Vec::new();
            for queued in queue {
                visited += 1;
                for child in tree.children(heads, queued) {
                    if words.get(child).is_some_and(|word| is_space(word)) || child == token {
                        continue;
                    }
                    if labels[child] == head_label {
                        new_head = child;
                        break 'search;
                    }
                    next_queue.push(child);
                }
            }
            queue = next_queue;
        }
        heads[token] = new_head;
        labels[token] = label;
    }
}

/// Parses with `score`, which fills the scores of every move for a state's feature tokens.
///
/// Each step takes the best valid move (the first on a tie). The loop is bounded: a parse
/// takes at most about two moves per token (each shift or arc consumes the buffer or the stack,
/// unshifts are rare), and after `4n + 16` moves the state is ended as spaCy does when no move
/// is valid.
pub(crate) fn parse(
    moves: &[Move],
    n_tokens: usize,
    mut score: impl FnMut(&[i32; 8], &mut [f32]),
) -> State {
    let mut state = State::new(n_tokens);
    let mut ids = [-1i32; 8];
    let mut scores = vec![0.0f32; moves.len()];
    let max_steps = 4 * n_tokens + 16;
    let mut steps = 0;
    while !state.is_final() {
        if steps >= max_steps {
            state.force_final();
            break;
        }
        steps += 1;
        state.context_tokens(&mut ids);
        score(&ids, &mut scores);
        let mut best: Option<usize> = None;
        for (index, mv) in moves.iter().enumerate() {
            if best.is_none_or(|best| scores[index] > scores[best]) && state.is_valid(mv) {
                best = Some(index);
            }
        }
        match best {
            Some(best) => state.apply(&moves[best]),
            None => state.force_final(),
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(names: &[&'static str]) -> Vec<Move> {
        names.iter().filter_map(|name| Move::parse(name)).collect()
    }

    #[test]
    fn parses_move_names() {
        assert_eq!(
            Move::parse("R-relcl||dobj"),
            Some(Move { kind: MoveKind::Right, label: "relcl||dobj" })
        );
        assert_eq!(Move::parse("S"), Some(Move { kind: MoveKind::Shift, label: "" }));
        assert_eq!(Move::parse("X-y"), None);
    }

    #[test]
    fn forced_sequence_gives_tree_and_sentences() {
        // "He left . She came": He ← left → . ; B-ROOT before "She"; She ← came.
        let all = moves(&["S", "D", "L-nsubj", "R-punct", "B-ROOT"]);
        let script = ["S", "L-nsubj", "S", "B-ROOT", "R-punct", "D", "D", "S", "L-nsubj", "S", "D"];
        let mut step = 0;
        let state = parse(&all, 5, |_, scores| {
            for (index, mv) in all.iter().enumerate() {
                let name = match mv.kind {
                    MoveKind::Shift => "S",
                    MoveKind::Reduce => "D",
                    MoveKind::Left => "L-nsubj",
                    MoveKind::Right => "R-punct",
                    MoveKind::Break => "B-ROOT",
                };
                scores[index] = if script.get(step) == Some(&name) { 1.0 } else { 0.0 };
            }
            step += 1;
        });
        let (heads, labels, starts) = state.finish(&["He", "left", ".", "She", "came"]);
        assert_eq!(heads, vec![1, 1, 1, 4, 4]);
        assert_eq!(labels, vec!["nsubj", "ROOT", "punct", "nsubj", "ROOT"]);
        assert_eq!(starts, vec![true, false, false, true, false]);
    }

    #[test]
    fn lifted_label_is_reattached() {
        // 0 ← 1 (ROOT) → 2 (dobj); 3 attached to 1 as relcl||dobj → reattached to 2.
        let mut heads = vec![1, 1, 1, 1];
        let mut labels = vec!["nsubj", "ROOT", "dobj", "relcl||dobj"];
        let mut tree = Tree::new(4);
        tree.set_children_from_heads(&heads);
        deprojectivize(&mut heads, &mut labels, &tree, &["a", "b", "c", "d"]);
        assert_eq!(heads, vec![1, 1, 1, 2]);
        assert_eq!(labels, vec!["nsubj", "ROOT", "dobj", "relcl"]);
    }

    #[test]
    fn always_terminates() {
        // Scores that always prefer reduce and shift alike: the loop must still end.
        let all = moves(&["S", "D", "L-dep", "R-dep", "B-ROOT"]);
        for n_tokens in [0, 1, 2, 7, 100] {
            let state =
                parse(&all, n_tokens, |_, scores| scores.iter_mut().for_each(|score| *score = 1.0));
            assert!(state.is_final());
            let words = vec!["w"; n_tokens];
            let (heads, _, starts) = state.finish(&words);
            assert_eq!(heads.len(), n_tokens);
            assert!(n_tokens == 0 || starts[0]);
        }
    }
}
