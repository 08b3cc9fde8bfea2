"""How TypeSystem.xml beside reference.xmi was made (not a test): INCEpTION's tsv3-suite keeps
its XMI without the type system its test builds in code; dkpro-cassis writes the types the
file uses (DKPro's metadata, Token, Sentence, and the custom relation layer between tokens)."""

from pathlib import Path

from cassis import TypeSystem

annotation = "uima.tcas.Annotation"
typesystem = TypeSystem()
meta = typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData",
    supertypeName="uima.tcas.DocumentAnnotation",
)
typesystem.create_feature(meta, "documentId", "uima.cas.String")
typesystem.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
token = typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", supertypeName=annotation
)
typesystem.create_type(
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence", supertypeName=annotation
)
relation = typesystem.create_type("webanno.custom.Relation", supertypeName=annotation)
typesystem.create_feature(relation, "Governor", token.name)
typesystem.create_feature(relation, "Dependent", token.name)
Path("TypeSystem.xml").write_text(typesystem.to_xml())
