"""Command line: build | ask | eval | bench | codebook | responses-template | import-responses | remove-responses
(run from the repo root with the project's virtualenv)."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys


def _print_answer(a) -> None:
    print(a.answer)
    if a.caveats:
        print("\nForbehold:")
        for c in a.caveats:
            print(f"- {c}")
    if a.sources:
        print("\nKilder:")
        for s in a.sources:
            where = (
                f" (avsnitt {s.section}" + (f", side {s.page}" if s.page else "") + ")" if s.section else ""
            )
            print(f"- {s.label}{where}")
    if a.sql:
        print(f"\nSQL: {a.sql}")


def _print_press(a) -> None:
    if not a.press:
        print("Ingen pressetekst for dette svaret (ingen tall å sitere).\n")
        _print_answer(a)
        return
    print(a.press["text"])
    print(f"\nKort ({len(a.press['short'])} tegn):\n{a.press['short']}")
    print(f"\n{a.press['source']}")


def _start():
    """The Assistant, or a `BuildError` with one Norwegian message: the CLI never shows a traceback."""
    from . import Assistant
    from .integrity import COMMAND, BuildError

    try:
        return Assistant()
    except BuildError:
        raise
    except Exception as err:
        logging.getLogger(__name__).debug("Start failed", exc_info=True)
        raise BuildError(
            f"Assistenten kunne ikke starte ({type(err).__name__}: {err}). Kjør {COMMAND} og prøv igjen."
        ) from err


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `ask … | head` ends quietly, as other command-line tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Barometerassistenten")
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="bygg databasen og søkeindeksen (idempotent)")
    b.add_argument("--force", action="store_true")
    a = sub.add_parser("ask", help="still et spørsmål")
    a.add_argument("question", nargs="?")
    a.add_argument("--json", action="store_true", help="svar som ett JSON-objekt")
    a.add_argument(
        "--press", action="store_true", help="svaret som ren tekst med kildelinje (til pressemelding)"
    )
    a.add_argument(
        "--docx", metavar="FIL", help="skriv svaret som Word-fil (pressetekst, figur, tall, kilder)"
    )
    a.add_argument("--jsonl", metavar="FIL", help="én forespørsel per linje: {id, question, history}")
    a.add_argument("--history", action="append", default=[], help="tidligere spørsmål i samtalen")
    e = sub.add_parser("eval", help="mål treffsikkerhet på et spørsmålssett (YAML)")
    e.add_argument("file")
    e.add_argument("--verbose", action="store_true")
    be = sub.add_parser("bench", help="mål svartid, kaldstart, byggetid og minne")
    be.add_argument(
        "--file", default=None, help="spørsmål (YAML i dev-formatet); standard: ../shared/eval/dev.yaml"
    )
    be.add_argument("--repeat", type=int, default=5)
    be.add_argument("--threads", type=int, default=16, help="tråder som deler én Assistant")
    be.add_argument(
        "--app", action="store_true", help="mål appen i stedet: svar per sekund med nettleserøkter (Chromium)"
    )
    be.add_argument("--sessions", type=int, default=10, help="nettleserøkter samtidig (med --app)")
    be.add_argument("--per-session", type=int, default=3, help="spørsmål per økt (med --app)")
    sub.add_parser("fit", help="tilpass rangererens vekter (knowledge/ranker.json) på spørsmålsbanken")
    _add_response_commands(sub)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from .integrity import BuildError

    try:
        return _run(parser, args)
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.cmd == "build":
        from .build import build
        from .integrity import BuildError

        try:
            build(force=args.force)
        except BuildError as err:
            raise BuildError(
                f"Bygget feilet: {err}. Sett ASSISTANT_DATA_DIR til en skrivbar mappe, eller bygg før "
                "installasjonen gjøres skrivebeskyttet."
            ) from err
        return 0
    if args.cmd == "ask":
        if args.jsonl:
            assistant = _start()
            src = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
            with src:
                for line_no, line in enumerate(src, 1):
                    if not line.strip():
                        continue
                    try:
                        req = json.loads(line)
                        out = assistant.ask(
                            str(req.get("question", "")), [str(h) for h in req.get("history") or []]
                        )
                        d = out.to_dict()
                        d = {"id": req.get("id"), **d}
                    except (json.JSONDecodeError, AttributeError):
                        d = {"id": None, "error": f"Linje {line_no} er ikke gyldig JSON."}
                    print(json.dumps(d, ensure_ascii=False), flush=True)
            return 0
        if args.question is None:
            parser.error('skriv et spørsmål, for eksempel: ask "Hvor mange bedrifter svarte?"')
        assistant = _start()
        answer = assistant.ask(args.question, args.history)
        if args.docx:
            from .export_docx import answer_docx

            with open(args.docx, "wb") as fh:
                fh.write(answer_docx(answer.to_dict()))
            print(f"Skrev {args.docx}", file=sys.stderr)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False))
        elif args.press:
            _print_press(answer)
        elif not args.docx:
            _print_answer(answer)
        return 0
    if args.cmd == "eval":
        from .evaluate import run_eval

        return run_eval(args.file, verbose=args.verbose)
    if args.cmd == "fit":
        from .fit import run_fit

        return run_fit()
    if args.cmd == "bench":
        from .bench import run_app_bench, run_bench

        if args.app:
            return run_app_bench(args.file, args.sessions, args.per_session)
        return run_bench(args.file, args.repeat, args.threads)
    if args.cmd in RESPONSE_COMMANDS:
        from .responses.cli import run

        return run(args)
    return 2


RESPONSE_COMMANDS = ("codebook", "responses-template", "import-responses", "remove-responses")


def _add_response_commands(sub) -> None:
    """Respondent-level data (issue 9); the work is in assistant/responses/cli.py."""
    c = sub.add_parser("codebook", help="skriv ut kodeboken (spørsmål, koder, bakgrunnsvariabler)")
    c.add_argument("--json", action="store_true", help="som JSON (kontrakten for dataleverandører)")
    t = sub.add_parser("responses-template", help="tom CSV-mal med kolonnene en svarfil skal ha")
    t.add_argument("--wave", help="bølge, for eksempel 2021-11 eller 2022-06")
    t.add_argument("--out", "-o", metavar="FIL", help="skriv malen til FIL (standard: skjermen)")
    i = sub.add_parser("import-responses", help="importer en svarfil (CSV, Parquet eller SPSS .sav)")
    i.add_argument("file", nargs="?", metavar="FIL")
    i.add_argument("--wave", help="bølge, for eksempel 2021-11")
    i.add_argument("--mapping", metavar="MAP.yaml", help="oversetter leverandørens kolonnenavn og koder")
    i.add_argument("--replace", action="store_true", help="erstatt data som allerede finnes for bølgen")
    i.add_argument("--check", action="store_true", help="bare kontroller filen; importer ingenting")
    r = sub.add_parser("remove-responses", help="fjern importerte svar for en bølge")
    r.add_argument("--wave", help="bølge, for eksempel 2021-11")


if __name__ == "__main__":
    sys.exit(main())
