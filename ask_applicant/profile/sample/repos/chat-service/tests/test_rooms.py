import asyncio

from chat_service.rooms import SEND_QUEUE_SIZE, Room


def test_a_message_reaches_every_member():
    room = Room("r1")
    buyer, seller = room.join("buyer"), room.join("seller")
    room.deliver("hello")
    assert buyer.outbox.get_nowait() == "hello"
    assert seller.outbox.get_nowait() == "hello"


def test_a_member_that_lags_is_dropped_not_waited_for():
    room = Room("r1")
    slow = room.join("slow")
    for i in range(SEND_QUEUE_SIZE):
        room.deliver(f"m{i}")
    assert room.deliver("one too many") == ["slow"]
    assert slow.dropped and "slow" not in room.members
    assert isinstance(slow.outbox, asyncio.Queue)
