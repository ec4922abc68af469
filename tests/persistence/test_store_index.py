"""Reading the latest items of a long conversation goes through the index."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import SqlSessionStore, open_db
from ask_applicant.persistence.sessions import create_session
from ask_applicant.persistence.users import create_user


async def test_latest_fifty_of_ten_thousand_items_read_through_the_index(
    engine: AsyncEngine,
) -> None:
    async with open_db(engine) as db:
        user, _ = await create_user(db, name="owner", role="owner")
        chats = [await create_session(db, owner_id=user.id) for _ in range(3)]
    for chat in chats:
        store = SqlSessionStore(chat.id, engine=engine)
        for start in range(0, 10_000, 1_000):
            await store.add_items(
                [{"role": "user", "content": f"m{start + i}"} for i in range(1_000)]
            )
    store = SqlSessionStore(chats[1].id, engine=engine)
    query = "SELECT data FROM session_items WHERE session_id = {} ORDER BY id DESC LIMIT 50"
    async with engine.connect() as conn:
        if engine.dialect.name == "mysql":
            await conn.exec_driver_sql("ANALYZE TABLE session_items")
            plan = (
                (await conn.exec_driver_sql("EXPLAIN " + query.format("%s"), (store.session_id,)))
                .mappings()
                .one()
            )
            assert plan["key"] == "ix_session_items_session_id_id"
            assert plan["type"] in {"ref", "range"}
            assert "filesort" not in (plan["Extra"] or "").lower()
        else:
            steps = (
                await conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + query.format("?"), (store.session_id,)
                )
            ).all()
            detail = " | ".join(str(step[-1]) for step in steps)
            assert "USING INDEX ix_session_items_session_id_id" in detail
            assert "TEMP B-TREE" not in detail
    latest = await store.get_items(limit=50)
    assert [item["content"] for item in latest] == [f"m{i}" for i in range(9_950, 10_000)]
