#!/usr/bin/env python3
"""Fill translations/onggi_ko.ts and onggi_en.ts after update.sh (lupdate).

Korean comes from ko_gui.py / ko_cli.py (source text -> translation, with per-context
overrides in KO_CTX); English is the source text itself (numerus: singular and plural).
Only unfinished messages are filled unless --force. Prints the Korean sources still missing
and exits 1 if there are any."""
import os, re, sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import ko_gui, ko_cli  # noqa: E402

KO = {**ko_cli.KO, **ko_gui.KO}
KO_NUMERUS = {**ko_cli.KO_NUMERUS, **ko_gui.KO_NUMERUS}
KO_CTX = {
    ('onggi::gui::LimitsPanel', 'Processes'): '프로세스 수',
    ('onggi::gui::StatsHistoryModel', 'Processes'): '프로세스 수',
    ('onggi::gui::CreateDialog', 'Limits'): '자원 제한',
    ('onggi::gui::ContainerPage', 'Limits'): '자원 제한',
    ('onggi::gui::LimitsPanel', 'Limits'): '자원 제한',
    ('onggi::gui::LimitsPanel', 'CPU'): 'CPU',
    ('onggi::gui::LimitsPanel', 'Memory'): '메모리',
    ('onggi::gui::MetricChart', '%1/s'): '%1/s',
    ('onggi::client', 'Not found'): '찾을 수 없습니다',
}


def write(tree, path, lang):
    body = ET.tostring(tree.getroot(), encoding='unicode')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')


def fill(path, lang, force):
    tree = ET.parse(path)
    root = tree.getroot()
    root.set('language', 'ko_KR' if lang == 'ko' else 'en_US')
    missing = []
    for ctx in root.findall('context'):
        cname = ctx.find('name').text
        for m in ctx.findall('message'):
            src = m.find('source').text or ''
            tr = m.find('translation')
            if tr is None:
                tr = ET.SubElement(m, 'translation')
            if tr.get('type') in ('vanished', 'obsolete'):
                continue
            if tr.get('type') != 'unfinished' and not force and (tr.text or len(tr)):
                continue
            numerus = m.get('numerus') == 'yes'
            if lang == 'en':
                forms = [re.sub(r'\(s\)', '', src), re.sub(r'\(s\)', 's', src)] if numerus else None
                text = src
            else:
                if numerus:
                    k = KO_NUMERUS.get(src)
                    forms = [k] if k is not None else None
                    text = None
                else:
                    text = KO_CTX.get((cname, src), KO.get(src))
                    forms = None
                if (numerus and forms is None) or (not numerus and text is None):
                    missing.append((cname, src))
                    continue
            for child in list(tr):
                tr.remove(child)
            if numerus:
                tr.text = None
                for f_ in forms:
                    ET.SubElement(tr, 'numerusform').text = f_
            else:
                tr.text = text
            if 'type' in tr.attrib:
                del tr.attrib['type']
    write(tree, path, lang)
    return missing


if __name__ == '__main__':
    force = '--force' in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    tsdir = args[0] if args else here
    fill(os.path.join(tsdir, 'onggi_en.ts'), 'en', force)
    missing = fill(os.path.join(tsdir, 'onggi_ko.ts'), 'ko', force)
    for c, s in missing:
        print(f'missing Korean: [{c}] {s!r}')
    sys.exit(1 if missing else 0)
