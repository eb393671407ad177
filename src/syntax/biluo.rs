//! spaCy's BILUO transition system for entities (`ner.pyx`, `BiluoPushDown`): each move labels
//! the buffer's first word as the Begin, Inside, Last word of an entity, a Unit entity, or Out.
//!
//! Validity as spaCy's with no preset entities: an entity never spans a sentence start (from the
//! parser), never begins on white space, and an open entity must continue with its own label.

use super::features::is_space;

/// The kind of a BILUO move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoveKind {
    /// `B-label`.
    Begin,
    /// `I-label`.
    In,
    /// `L-label`.
    Last,
    /// `U-label`.
    Unit,
    /// `O`.
    Out,
}

/// One move of the NER's output layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Move {
    pub(crate) kind: MoveKind,
    /// The entity label; empty for `O` and for spaCy's never-valid `U-`.
    pub(crate) label: &'static str,
}

impl Move {
    /// Parses a move name of spaCy's `get_class_name` (`B-ORG`, `O`, `U-`).
    pub(crate) fn parse(name: &'static str) -> Option<Move> {
        let (kind, label) = match name.split_once('-') {
            Some((kind, label)) => (kind, label),
            None => (name, ""),
        };
        let kind = match kind {
            "B" => MoveKind::Begin,
            "I" => MoveKind::In,
            "L" => MoveKind::Last,
            "U" => MoveKind::Unit,
            "O" => MoveKind::Out,
            _ => return None,
        };
        Some(Move { kind, label })
    }
}

/// The NER state: the buffer position and the entities so far (the last one maybe open).
#[derive(Debug)]
pub(crate) struct State<'a> {
    b0: usize,
    length: usize,
    /// `(start, end, label)`; `end` is `None` while the entity is open.
    entities: Vec<(usize, Option<usize>, &'static str)>,
    sent_starts: &'a [bool],
    space: &'a [bool],
}

impl<'a> State<'a> {
    /// A state over a document whose tokens have these sentence starts and white-space flags.
    pub(crate) fn new(sent_starts: &'a [bool], space: &'a [bool]) -> State<'a> {
        State { b0: 0, length: sent_starts.len(), entities: Vec::new(), sent_starts, space }
    }

    fn open_entity(&self) -> Option<(usize, &'static str)> {
        match self.entities.last() {
            Some((start, None, label)) => Some((*start, label)),
            _ => None,
        }
    }

    /// Whether every word is labelled.
    pub(crate) fn is_final(&self) -> bool {
        self.b0 >= self.length
    }

    /// The three feature tokens (`set_context_tokens` with n = 3): the buffer's first word, the
    /// first word of the open entity, and the word before the buffer if an entity is open.
    pub(crate) fn context_tokens(&self, ids: &mut [i32; 3]) {
        let b0 = if self.b0 < self.length { self.b0 as i32 } else { -1 };
        let entity = self.open_entity().map_or(-1, |(start, _)| start as i32);
        let last = if b0 == -1 || entity == -1 { -1 } else { b0 - 1 };
        *ids = [b0, entity, last];
    }

    fn next_starts_sentence(&self) -> bool {
        self.sent_starts.get(self.b0 + 1).copied().unwrap_or(false)
    }

    fn b0_is_space(&self) -> bool {
        self.space.get(self.b0).copied().unwrap_or(false)
    }

    /// Whether `mv` is allowed in this state.
    pub(crate) fn is_valid(&self, mv: &Move) -> bool {
        let open = self.open_entity();
        let buffer_length = self.length.saturating_sub(self.b0);
        match mv.kind {
            MoveKind::Begin => {
                open.is_none()
                    && buffer_length >= 2
                    && !mv.label.is_empty()
                    && !self.next_starts_sentence()
                    && !self.b0_is_space()
            }
            MoveKind::In => match open {
                Some((_, label)) => {
                    buffer_length >= 2
                        && !mv.label.is_empty()
                        && label == mv.label
                        && !self.next_starts_sentence()
                }
                None => false,
            },
            MoveKind::Last => match open {
                Some((_, label)) => !mv.label.is_empty() && label == mv.label,
                None => false,
            },
            MoveKind::Unit => !mv.label.is_empty() && open.is_none() && !self.b0_is_space(),
            MoveKind::Out => open.is_none(),
        }
    }

    /// Applies `mv` (which must be valid): every move labels one word.
    pub(crate) fn apply(&mut self, mv: &Move) {
        match mv.kind {
            MoveKind::Begin => self.entities.push((self.b0, None, mv.label)),
            MoveKind::Last => {
                if let Some(entity) = self.entities.last_mut() {
                    entity.1 = Some(self.b0 + 1);
                }
            }
            MoveKind::Unit => self.entities.push((self.b0, Some(self.b0 + 1), mv.label)),
            MoveKind::In | MoveKind::Out => {}
        }
        self.b0 += 1;
    }

    /// Ends at once (spaCy's `force_final`, when no move is valid).
    pub(crate) fn force_final(&mut self) {
        self.b0 = self.length;
    }

    /// The closed entities, as token ranges with labels.
    pub(crate) fn entities(&self) -> Vec<(usize, usize, &'static str)> {
        self.entities
            .iter()
            .filter_map(|(start, end, label)| end.map(|end| (*start, end, *label)))
            .collect()
    }
}

/// Labels a document's words with `score`, which fills the scores of every move for a state's
/// feature tokens; one move per word.
pub(crate) fn recognise(
    moves: &[Move],
    sent_starts: &[bool],
    words: &[&str],
    mut score: impl FnMut(&[i32; 3], &mut [f32]),
) -> Vec<(usize, usize, &'static str)> {
    let space: Vec<bool> = words.iter().map(|word| is_space(word)).collect();
    let mut state = State::new(sent_starts, &space);
    let mut ids = [-1i32; 3];
    let mut scores = vec![0.0f32; moves.len()];
    while !state.is_final() {
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
    state.entities()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_moves() -> Vec<Move> {
        ["B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-", "O"]
            .iter()
            .filter_map(|name| Move::parse(name))
            .collect()
    }

    /// Runs with a fixed preference order of move names, best first.
    fn run(
        preference: &[&str],
        sent_starts: &[bool],
        words: &[&str],
    ) -> Vec<(usize, usize, &'static str)> {
        let moves = all_moves();
        recognise(&moves, sent_starts, words, |_, scores| {
            for (index, mv) in moves.iter().enumerate() {
                let name = match mv.kind {
                    MoveKind::Begin => "B",
                    MoveKind::In => "I",
                    MoveKind::Last => "L",
                    MoveKind::Unit => {
                        if mv.label.is_empty() {
                            "U-"
                        } else {
                            "U"
                        }
                    }
                    MoveKind::Out => "O",
                };
                let rank = preference.iter().position(|preferred| *preferred == name).unwrap_or(99);
                scores[index] = -(rank as f32);
            }
        })
    }

    #[test]
    fn entities_stop_at_sentence_starts_and_end_at_the_last_word() {
        let words = ["a", "b", "c", "d", "e"];
        let starts = [true, false, false, true, false];
        // Always prefer to begin, then continue: B I L? — "c" cannot be I (next starts a
        // sentence), so L; "d" begins, "e" is the last word: L.
        assert_eq!(
            run(&["B", "I", "L", "U", "O"], &starts, &words),
            vec![(0, 3, "ORG"), (3, 5, "ORG")]
        );
        // `U-` is never valid.
        assert_eq!(run(&["U-", "O"], &starts, &words), vec![]);
    }

    #[test]
    fn white_space_starts_no_entity() {
        let words = ["\n", "a"];
        assert_eq!(run(&["U", "O"], &[true, false], &words), vec![(1, 2, "ORG")]);
    }
}
