/**
 * The preload bridge: exposes `window.kleinraum` (KleinraumBridge) to the sandboxed, context-isolated
 * renderer. Only the contract's two channels are reachable, and never the raw ipcRenderer (which would
 * let the page send on any channel). Bundled to CommonJS by electron/build.ts, as sandboxed preloads
 * cannot load ES modules or other files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName } from '../../shared/contract/api';
import type { DispatchResult } from '../../shared/contract/dispatch';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventMessage, type KleinraumBridge } from '../../shared/contract/transport';

const bridge: KleinraumBridge = {
  invoke(method: MethodName, input: unknown): Promise<DispatchResult> {
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<DispatchResult>;
  },
  subscribe(handler: (name: EventName, payload: unknown) => void): () => void {
    // Wrap the listener so the page never sees the IpcRendererEvent (it carries `sender`).
    const listener = (_event: IpcRendererEvent, message: EventMessage) => handler(message.name, message.payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('kleinraum', bridge);
