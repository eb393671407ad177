//! spaCy's English tokenizer (placeholder: the port lands in its own commit).
