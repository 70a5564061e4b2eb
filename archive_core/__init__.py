"""Shared core of payroll-archive: settings, typed records, errors, backends' Protocols."""
