#!/usr/bin/env python3
"""Where the bytes of SchemaBind's generated C# go, per member family.

Usage: measure.py DIR [DIR2]   (DIR: the output of `SchemaBind.Cli generate SCHEMA -o DIR`)
With two directories, prints both and the difference. Bytes are UTF-8 bytes of whole lines
(newline included); every byte of every *.cs file is counted exactly once.
"""
import os, re, sys
from collections import Counter

STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)\'')

def braces(line):
    s = STRING.sub('""', line)
    if s.lstrip().startswith('//'):
        return 0
    return s.count('{') - s.count('}')

def member_kind(decl):
    d = decl.strip()
    if d.startswith('case ') or d.startswith('#'):
        return 'other'
    if 'bool Equals(' in d or 'GetHashCode()' in d:
        return 'equality'
    if 'ValidateJson(' in d or 's_jsonSchema' in d or ' JsonSchema =>' in d or 's_alternatives' in d or 'Alternative(int' in d:
        return 'JSON-schema access'
    if ' Validate(' in d or 's_pattern' in d:
        return 'Validate'
    if 'ReadJson(' in d or 'FromJson(' in d or 'Utf8JsonReader reader)' in d:
        return 'reading'
    if 'WriteJson(' in d or 'ToJson()' in d or 'ToString()' in d:
        return 'writing'
    if 'class Converter' in d:
        return 'converter'
    if '{ get; init; }' in d or '{ get; }' in d or 'const string' in d or re.search(r'public (override )?string \w+ => ', d):
        return 'properties'
    if re.search(r'\b(record|class)\b', d):
        return 'nested cases'
    if 'implicit operator' in d:
        return 'union conversions'
    # Absent vs null: the bits of the members that may be null, their ...Specified, and such a member's property
    # (written out: its backing field, and an init accessor that sets its bit).
    if 'Specified =>' in d or 'uint _specified' in d or d.startswith('// Which members that may be null'):
        return 'presence (absent vs null)'
    if re.match(r'public [^(=;]*$', d) or re.match(r'private [\w.:<>?, ]+ _\w+;$', d):
        return 'properties'
    return 'other members'

def classify_types(lines, out):
    depth = 0
    top_kind = None      # kind of the current top-level type
    chunk = []           # pending doc/attribute lines of a member
    member = None        # kind of the member being read (depth >= 2 or unterminated)
    for line in lines:
        n = len(line.encode('utf-8'))
        s = line.strip()
        if depth == 0:
            if s.startswith('///'):
                out['docs: type summaries'] += n
            elif re.search(r'\benum\b', s) and s.startswith('public'):
                top_kind = 'enum'; out['enums (declaration, members)'] += n
            elif re.search(r'^public static class \w+Json$', s):
                top_kind = 'enumhelper'; out['enums: helper class (wire names, read, write)'] += n
            elif s.startswith('public') or s.startswith('['):
                top_kind = 'type'; out['type headers, braces, usings'] += n
            else:
                out['type headers, braces, usings'] += n
            depth += braces(line)
            continue
        if top_kind in ('enum', 'enumhelper'):
            if s.startswith('///'):
                out['docs: enums'] += n
            else:
                out['enums (declaration, members)' if top_kind == 'enum' else 'enums: helper class (wire names, read, write)'] += n
            depth += braces(line)
            continue
        # inside an object, union or choice type
        if depth == 1 and member is None:
            if s == '' or s == '}':
                out['type headers, braces, usings'] += n
                depth += braces(line)
                continue
            if s.startswith('///') or s.startswith('[') or s.startswith('#pragma'):
                chunk.append(line)
                if not s.startswith('///'):
                    pass
                continue
            kind = member_kind(line)
            for c in chunk:
                cn = len(c.encode('utf-8'))
                if c.strip().startswith('///'):
                    out['docs: property summaries' if kind == 'properties' else 'docs: ' + kind] += cn
                else:
                    out[kind] += cn
            chunk = []
            out[kind] += n
            depth += braces(line)
            member = kind if depth > 1 or not (s.endswith(';') or s.endswith('}')) else None
            continue
        if member is not None:
            if s.startswith('///'):
                out['docs: ' + member] += n
            else:
                out[member] += n
            depth += braces(line)
            if depth <= 1 and (s.endswith(';') or s.endswith('}') or s.endswith('};')):
                member = None
            continue
        out['other members'] += n
        depth += braces(line)

def classify_client(lines, out):
    for line in lines:
        n = len(line.encode('utf-8'))
        s = line.strip()
        if s.startswith('///'):
            out['client: docs'] += n
        elif s.startswith('public ') and ('Async(' in s):
            out['client: method signatures'] += n
        else:
            out['client: bodies (request building, validation, sending)'] += n

def measure(d):
    out = Counter()
    files = sorted(f for f in os.listdir(d) if f.endswith('.cs'))
    for f in files:
        with open(os.path.join(d, f), encoding='utf-8') as h:
            lines = h.readlines()
        text_bytes = sum(len(l.encode('utf-8')) for l in lines)
        if f.endswith('Client.g.cs'):
            classify_client(lines, out)
        elif any('Utf8Json =>' in l for l in lines[:20]):
            out['embedded document file'] += text_bytes
        else:
            classify_types(lines, out)
        out['(files)'] += 0
    total = sum(v for k, v in out.items())
    return out, total, len(files)

def main():
    results = [measure(d) for d in sys.argv[1:]]
    keys = sorted({k for r in results for k in r[0] if k != '(files)'}, key=lambda k: -results[0][0].get(k, 0))
    head = '| family | ' + ' | '.join(os.path.basename(d.rstrip('/')) for d in sys.argv[1:]) + ' | share |'
    print(head)
    print('|---|' + '---:|' * (len(results) + 1))
    for k in keys:
        vals = [r[0].get(k, 0) for r in results]
        share = 100.0 * vals[-1] / results[-1][1] if results[-1][1] else 0
        print(f'| {k} | ' + ' | '.join(f'{v:,}' for v in vals) + f' | {share:.1f}% |')
    print('| **total** | ' + ' | '.join(f'**{r[1]:,}** ({r[2]} files)' for r in results) + ' | 100% |')

if __name__ == '__main__':
    main()
