//! The items of wasm-streams 0.5 that server_fn names, without the JavaScript exports (see
//! Cargo.toml). Nothing in the guide calls them: the guide has no server functions.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::JsValue;

pub mod readable {
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A web stream, as server_fn holds one.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A server function's streamed request body: never sent by the guide.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unreachable!("the guide has no server functions")
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A server function's streamed response: never read by the guide.
    pub fn into_stream(self) -> IntoStream {
        IntoStream
    }
}

/// An empty stream (see [`ReadableStream::into_stream`]).
pub struct IntoStream;

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
