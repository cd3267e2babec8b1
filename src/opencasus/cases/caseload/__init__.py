"""Caseload and gatekeeping: a process director per case, the workload per director, and the house's
maximums of active cases that the triage table is warned by before admitting."""
