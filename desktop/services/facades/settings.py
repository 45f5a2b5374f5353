"""The Settings panel's facade: the settings in force (speech model, LLM model, data folder), the
microphones, whether an LLM key and CRM tokens are stored (OS keyring), MCP access and its daily
budget, local stages with no CRM stage, and the commands that change them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypedDict, cast

from desktop.services.change import Change
from desktop.services.facades.port import Done, Failed, PanelFacade


@dataclass(frozen=True)
class SettingsInForce:
    """The process settings the panel shows: speech model (name or folder), LLM model (litellm
    string; "" or None: the offline planner) and data folder. Changes apply at the next start."""

    speech_model: str
    llm_model: str | None
    data_dir: Path


@dataclass(frozen=True)
class McpAccess:
    """MCP access: ``enabled`` (False: the kill switch refuses every call), ``daily_budget`` (calls
    per client per UTC day) and today's calls by client name."""

    enabled: bool
    daily_budget: int
    calls_today: dict[str, int]


class StageMapping(TypedDict):
    """A local stage with no stage in connected CRM ``crm`` (``crm_name`` for display): moves to it
    are held (``held`` changes) until it is mapped to one of ``choices`` [(CRM stage id, label)]."""

    crm: str
    crm_name: str
    stage: str
    pipeline: str
    held: int
    choices: list[tuple[str, str]]


class VoiceSettingsFile(Protocol):
    """Voice settings that save to ``<data_dir>/voice.json`` (:class:`desktop.voice.settings.VoiceSettings`)."""

    def save(self, data_dir: Path) -> None: ...


class SettingsSource(Protocol):
    """The backend reads and writes the Settings facade uses."""

    @property
    def settings(self) -> Any: ...

    def input_devices(self) -> list[str]: ...

    def crm_connections(self) -> dict[str, bool]: ...

    def has_llm_key(self, model: str) -> bool: ...

    def save_llm_key(self, model: str, key: str) -> None: ...

    def save_crm_token(self, provider: str, token: str) -> Change: ...

    def mcp_access(self) -> dict[str, Any]: ...

    def set_mcp_access(self, enabled: bool) -> Change: ...

    def set_mcp_budget(self, calls: int) -> Change: ...

    def stage_mappings(self) -> list[dict[str, Any]]: ...

    def map_stage(self, crm: str, stage: str, crm_stage: str, pipeline: str | None = None) -> Change: ...


class SettingsFacade(PanelFacade[SettingsSource]):
    """Queries (reader threads) and commands (the writer thread; Changes are broadcast) of the
    Settings panel; every ``done`` / ``error`` runs on the UI thread."""

    name = "settings"

    @property
    def in_force(self) -> SettingsInForce:
        """The settings this process runs with (in memory: no I/O)."""
        s = self._backend.settings
        return SettingsInForce(speech_model=s.model, llm_model=s.llm_model, data_dir=Path(s.data_dir))

    def input_devices(self, done: Done[list[str]]) -> None:
        """Input device names PortAudio sees."""
        self._port.read(self._backend.input_devices, done=done)

    def crm_connections(self, done: Done[dict[str, bool]]) -> None:
        """{"hubspot": token stored?, "pipedrive": token stored?}."""
        self._port.read(self._backend.crm_connections, done=done)

    def has_llm_key(self, model: str, done: Done[bool]) -> None:
        """Whether a key for ``model``'s provider is in the OS keyring (False without a keyring)."""
        self._port.read(lambda: self._backend.has_llm_key(model), done=done)

    def mcp_access(self, done: Done[McpAccess]) -> None:
        """The MCP switch, daily budget and today's calls."""
        def read() -> McpAccess:
            d = self._backend.mcp_access()
            return McpAccess(bool(d["enabled"]), int(d["daily_budget"]), dict(d["calls_today"]))
        self._port.read(read, done=done)

    def stage_mappings(self, done: Done[list[StageMapping]]) -> None:
        """Local stages with no CRM stage, with the CRM stages to map each to."""
        self._port.read(lambda: cast(list[StageMapping], self._backend.stage_mappings()), done=done)

    def set_mcp_access(self, enabled: bool, done: Done[Change], error: Failed) -> None:
        """Turn MCP access on or off at once (audited)."""
        self._port.write(lambda: self._backend.set_mcp_access(enabled), done=done, error=error)

    def set_mcp_budget(self, calls: int, done: Done[Change], error: Failed) -> None:
        """Set each MCP client's calls per UTC day (1..1,000,000; audited)."""
        self._port.write(lambda: self._backend.set_mcp_budget(calls), done=done, error=error)

    def map_stage(self, row: StageMapping, crm_stage: str, done: Done[Change], error: Failed) -> None:
        """Map ``row``'s local stage to CRM stage ``crm_stage`` (audited); held moves go out next sync."""
        self._port.write(lambda: self._backend.map_stage(row["crm"], row["stage"], crm_stage, row["pipeline"]),
                         done=done, error=error)

    def save_llm_key(self, model: str, key: str, done: Done[None], error: Failed) -> None:
        """Store the API key of ``model``'s provider in the OS keyring (never the workspace)."""
        self._port.call(lambda: self._backend.save_llm_key(model, key), done=done, error=error)

    def save_crm_token(self, provider: str, token: str, done: Done[Change], error: Failed) -> None:
        """Store a CRM access token in the OS keyring; the background sync starts when it can."""
        self._port.write(lambda: self._backend.save_crm_token(provider, token), done=done, error=error)

    def save_voice_settings(self, voice_settings: VoiceSettingsFile, data_dir: Path) -> None:
        """Write the voice settings to ``<data_dir>/voice.json`` (on the writer thread)."""
        self._port.call(lambda: voice_settings.save(data_dir), write=True)
