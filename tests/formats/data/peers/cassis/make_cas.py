"""How quotes.xmi, quotes.json and TypeSystem.xml were made (not a test): dkpro-cassis writes
an INCEpTION-style CAS with custom span and relation layers, sentences, tokens and metadata."""

from pathlib import Path

from cassis import Cas, TypeSystem

TEXT = 'Peskov said: "We welcome the talks." Critics disagreed 😀.'
typesystem = TypeSystem()
annotation = "uima.tcas.Annotation"
meta = typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData", supertypeName=annotation
)
for name in ("documentTitle", "documentId", "documentUri"):
    typesystem.create_feature(meta, name, "uima.cas.String")
sentence = typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence", supertypeName=annotation
)
token = typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", supertypeName=annotation
)
quote = typesystem.create_type("webanno.custom.Quote", supertypeName=annotation)
typesystem.create_feature(quote, "label", "uima.cas.String")
typesystem.create_feature(quote, "stance", "uima.cas.String")
typesystem.create_feature(quote, "confidence", "uima.cas.Integer")
speaker = typesystem.create_type("webanno.custom.Speaker", supertypeName=annotation)
typesystem.create_feature(speaker, "name", "uima.cas.String")
said = typesystem.create_type("webanno.custom.SaidBy", supertypeName=annotation)
typesystem.create_feature(said, "Governor", quote.name)
typesystem.create_feature(said, "Dependent", speaker.name)
typesystem.create_feature(said, "role", "uima.cas.String")

cas = Cas(typesystem=typesystem)
cas.sofa_string = TEXT
cas.add(meta(begin=0, end=len(TEXT), documentTitle="kremlin.txt", documentId="kremlin"))
first_end = TEXT.index('"', 14) + 1
cas.add(sentence(begin=0, end=first_end))
cas.add(sentence(begin=first_end + 1, end=len(TEXT)))
at = 0
for word in TEXT.replace(":", " :").replace('"', ' " ').replace(".", " .").split():
    at = TEXT.index(word, at)
    cas.add(token(begin=at, end=at + len(word)))
    at += len(word)
q = quote(begin=13, end=first_end, label="QUOTE", stance="favor", confidence=3)
s = speaker(begin=0, end=6, name="Dmitry Peskov")
cas.add_all([q, s, said(begin=13, end=first_end, Governor=q, Dependent=s, role="source")])
cas.add(speaker(begin=first_end + 1, end=first_end + 8, name="critics"))
Path("xmi/TypeSystem.xml").write_text(typesystem.to_xml())
Path("xmi/quotes.xmi").write_text(cas.to_xmi(pretty_print=True))
Path("json/quotes.json").write_text(cas.to_json(pretty_print=True))
