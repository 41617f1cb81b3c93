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
