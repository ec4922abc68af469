"""The WebSocket gateway: one endpoint per room, fan-out through the broker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

from chat_service.broker import Broker
from chat_service.rooms import Member, Rooms

SHUTDOWN_DRAIN_SECONDS = 30

broker = Broker()
rooms = Rooms()
all_closed = asyncio.Event()
open_sockets = 0


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    all_closed.set()
    yield
    # Graceful shutdown: let open sockets finish before the pod goes away, but not forever.
    try:
        await asyncio.wait_for(all_closed.wait(), timeout=SHUTDOWN_DRAIN_SECONDS)
    except TimeoutError:
        pass


app = FastAPI(title="chat-service", lifespan=lifespan)


async def _pump(websocket: WebSocket, member: Member) -> None:
    while True:
        await websocket.send_text(await member.outbox.get())


async def _relay(room_id: str) -> None:
    async for message in broker.subscribe(f"room:{room_id}"):
        rooms.get(room_id).deliver(message)


@app.websocket("/rooms/{room_id}")
async def chat(websocket: WebSocket, room_id: str, user_id: str) -> None:
    """Join a room, relay what the user sends, and push what others send."""
    global open_sockets
    await websocket.accept()
    open_sockets += 1
    all_closed.clear()
    room = rooms.get(room_id)
    member = room.join(user_id)
    pump = asyncio.create_task(_pump(websocket, member))
    relay = asyncio.create_task(_relay(room_id))
    try:
        while True:
            text = await websocket.receive_text()
            await broker.publish(f"room:{room_id}", f"{user_id}: {text[:2000]}")
    except WebSocketDisconnect:
        pass
    finally:
        room.leave(user_id)
        pump.cancel()
        relay.cancel()
        open_sockets -= 1
        if open_sockets == 0:
            all_closed.set()
