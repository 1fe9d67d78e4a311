"""The `wijkteam` command: the GUI, or a headless subcommand (which never loads Qt)."""

from __future__ import annotations

from wijkteam.cli import build_parser, data_dir_of, run_command


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test is not None:  # issue 18: `wijkteam --self-test [BESTAND]`
        from ui.selftest import run_self_test

        return run_self_test(args.self_test or None)
    if args.command is not None:
        from ui.messages import describe  # Dutch texts, without loading Qt

        return run_command(args, describe)
    from ui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(data_dir_of(args))


if __name__ == "__main__":
    raise SystemExit(main())
