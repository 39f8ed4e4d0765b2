#!/usr/bin/env python3
"""Writes a variant of a directory of generated C# (from `schemabind generate`), changed in one way, to learn what
a construct costs the C# compiler (compile-variants.sh measures each with `compile DIR`). The variants change the
text only; not every one keeps every feature, they are experiments, not proposals:
  same        a copy
  nodocs      every /// line removed (compile it with --docs none, as a project without GenerateDocumentationFile)
  classes     `sealed partial record` (an object schema's type, which emits its own Equals(T) and GetHashCode)
              -> `sealed partial class`: the compiler synthesizes no EqualityContract, PrintMembers, ToString,
              Clone, Equals(object), ==, != (GetType() stands in for EqualityContract in the emitted members);
              unions (an abstract record and its case records, whose equality is the synthesized one) stay
  nou8        ("name"u8 -> ("name" in the reader's and writer's calls (the string overloads; the embedded
              document's UTF-8 literal stays)
  nonullable  #nullable disable instead of enable (no nullable analysis; compile with --nowarn CS8632 --nowarn CS8669)
  annotations #nullable enable annotations and #nullable disable warnings: the public signatures keep their
              annotations, the bodies are not warned about (under a project's Nullable=enable, `enable annotations`
              alone leaves the warnings on)
  split       one top-level type per file instead of the generator's groups
Usage: compile-variants.py SRC OUT VARIANT
"""
import os
import re
import sys


def files(src):
    for name in sorted(os.listdir(src)):
        if name.endswith(".cs"):
            with open(os.path.join(src, name), encoding="utf-8") as f:
                yield name, f.read()


def header_and_body(text):
    """The lines up to the file-scoped namespace, and the rest."""
    match = re.search(r"^namespace [^;\n]+;\n", text, re.M)
    if match is None:
        return None, text
    return text[: match.end()], text[match.end():]


def top_level_types(body):
    """The top-level declarations of a file-scoped namespace: each ends at a `}` in column 0."""
    chunks, current = [], []
    for line in body.splitlines(keepends=True):
        current.append(line)
        if line.rstrip("\n") == "}":
            chunks.append("".join(current))
            current = []
    rest = "".join(current)
    if rest.strip():
        chunks.append(rest)
    return chunks


def main():
    src, out, variant = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    for name, text in files(src):
        if variant == "nodocs":
            text = "".join(l for l in text.splitlines(keepends=True) if not l.lstrip().startswith("///"))
        elif variant == "classes":
            text = re.sub(r"\bsealed partial record\b(?! struct)", "sealed partial class", text)
            text = text.replace("EqualityContract == other.EqualityContract", "GetType() == other.GetType()")
            text = text.replace("hash.Add(EqualityContract);", "hash.Add(GetType());")
        elif variant == "nou8":
            text = re.sub(r'\(("(?:[^"\\\n]|\\.)*")u8\b', r"(\1", text)
        elif variant == "nonullable":
            text = text.replace("#nullable enable", "#nullable disable")
        elif variant == "annotations":
            text = text.replace("#nullable enable", "#nullable enable annotations\n#nullable disable warnings")
        elif variant == "split":
            header, body = header_and_body(text)
            if header is None:
                raise SystemExit(f"{name}: no file-scoped namespace")
            for i, chunk in enumerate(top_level_types(body)):
                with open(os.path.join(out, f"{name[:-3]}.{i:04}.cs"), "w", encoding="utf-8") as f:
                    f.write(header + chunk)
            continue
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
