"""The machine policy: missing means a personal computer; damaged errs on the safe side."""

from __future__ import annotations

from recoveryjournal.services.policy import POLICY_ENV, load_policy


def test_no_policy_file_means_personal_computer(tmp_path, monkeypatch) -> None:
    """Without a policy file everything is allowed."""
    monkeypatch.setenv(POLICY_ENV, str(tmp_path / "missing.json"))
    policy = load_policy()
    assert not policy.shared_pc and policy.may_remember_passphrase and policy.may_turn_off_auto_lock


def test_shared_pc_policy(tmp_path, monkeypatch) -> None:
    """shared_pc: true takes away remembering and turning auto-lock off."""
    path = tmp_path / "policy.json"
    path.write_text('{"shared_pc": true}')
    monkeypatch.setenv(POLICY_ENV, str(path))
    policy = load_policy()
    assert policy.shared_pc and not policy.may_remember_passphrase and not policy.may_turn_off_auto_lock


def test_damaged_policy_errs_on_the_safe_side(tmp_path, monkeypatch) -> None:
    """A policy file that can't be read is treated as a shared PC."""
    path = tmp_path / "policy.json"
    path.write_text("{not json")
    monkeypatch.setenv(POLICY_ENV, str(path))
    assert load_policy().shared_pc


def test_every_policy_setting_is_read(tmp_path, monkeypatch) -> None:
    """Idle limit, journals on sticks only, centre name and help line, exports to removable media."""
    import json

    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"shared_pc": True, "auto_lock_minutes": 3, "journals_on_this_pc": False,
                                "centre_name": "Riverside", "support_line": "Ask Jo",
                                "exports_to_removable_only": "warn", "colour": "blue"}))  # fmt: skip
    monkeypatch.setenv(POLICY_ENV, str(path))
    policy = load_policy()
    got = (policy.auto_lock_minutes, policy.journals_on_this_pc, policy.centre_name, policy.support_line,
           policy.exports_to_removable_only, policy.source)  # fmt: skip
    assert got == (3, False, "Riverside", "Ask Jo", "warn", str(path))
    assert policy.idle_minutes(10) == 3 and policy.idle_minutes(1) == 1 and policy.idle_minutes(0) == 3
    assert policy.problems == ("unknown setting “colour” is ignored",)


def test_a_damaged_policy_is_the_strictest(tmp_path, monkeypatch) -> None:
    """Not JSON: shared PC, 2 minutes, journals and files on sticks only, and the problem is reported."""
    path = tmp_path / "policy.json"
    path.write_text("[1, 2")
    monkeypatch.setenv(POLICY_ENV, str(path))
    policy = load_policy()
    assert policy.shared_pc and policy.auto_lock_minutes == 2 and not policy.journals_on_this_pc
    assert policy.exports_to_removable_only == "refuse" and policy.problems


def test_cli_init_and_backup_follow_the_policy(tmp_path, monkeypatch) -> None:
    """Under the policy, the CLI makes journals and backups only on removable media, like the window."""
    from recoveryjournal.services.destinations import REMOVABLE_ENV
    from tests.reliability.conftest import run_cli

    path = tmp_path / "policy.json"
    path.write_text('{"shared_pc": true, "journals_on_this_pc": false, "exports_to_removable_only": "refuse"}')
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    env = {POLICY_ENV: str(path), REMOVABLE_ENV: str(tmp_path / "media")}
    refused = run_cli(["init", str(tmp_path / "on-the-pc")], "pw\n", env=env)
    assert refused.returncode == 2 and "USB stick" in refused.stderr and not (tmp_path / "on-the-pc.rjournal").exists()
    assert run_cli(["init", str(stick / "mine")], "pw\n", env=env).returncode == 0
    backup = run_cli(["backup", str(stick / "mine"), str(tmp_path)], "pw\n", env=env)
    assert backup.returncode == 2 and "USB stick" in backup.stderr
    assert run_cli(["backup", str(stick / "mine"), str(stick)], "pw\n", env=env).returncode == 0
    assert run_cli(["policy", "--check"], env=env).returncode == 0
