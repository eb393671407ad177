//! A parallel map that keeps input order and bounds the number of items in flight.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Runs `work` over `items` on `jobs` threads and passes each result to `consume`, in the
/// order of `items`, on the calling thread.
///
/// Three parts run at once: a reader thread pulls `items` (so reading files overlaps with
/// extraction), a [rayon](https://docs.rs/rayon) pool of `jobs` threads runs `work`, and the
/// calling thread puts the results back in order and consumes them.
///
/// NB: memory is bounded: at most `window` items are read, being worked on, or waiting for an
/// earlier one, whatever the length of `items`; the reader waits until the oldest item has
/// been consumed. Results reach `consume` in input order whatever `jobs` is, so output built
/// from them is the same bytes on one thread or many.
///
/// When `consume` fails, no further item is started and the error is returned once the items
/// in flight are done. When the thread pool cannot be created, the items are processed on the
/// calling thread.
///
/// ```
/// let mut squares = Vec::new();
/// newsgraph::corpus::map_ordered(1..=100u64, 2, 8, |n| n * n, |square| {
///     squares.push(square);
///     Ok::<_, std::convert::Infallible>(())
/// })?;
/// assert_eq!(squares, (1..=100u64).map(|n| n * n).collect::<Vec<_>>());
/// # Ok::<_, std::convert::Infallible>(())
/// ```
///
/// # Errors
/// The first error of `consume`.
///
/// # Panics
/// When `work` panics, the panic is passed on to the caller.
pub fn map_ordered<T, U, E>(
    items: impl Iterator<Item = T> + Send,
    jobs: usize,
    window: usize,
    work: impl Fn(T) -> U + Sync,
    mut consume: impl FnMut(U) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    U: Send,
{
    let jobs = jobs.max(1);
    let window = window.max(jobs);
    let Ok(pool) = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|index| format!("newsgraph-worker-{index}"))
        .build()
    else {
        for item in items {
            consume(work(item))?;
        }
        return Ok(());
    };
    // A token per item in flight: the reader takes one before reading an item, the consumer
    // gives it back after consuming the item.
    let (token_sender, token_receiver) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        // The channel holds `window` tokens, and its receiver is alive: this cannot fail.
        let _ = token_sender.send(());
    }
    let (result_sender, result_receiver) = mpsc::channel::<(usize, U)>();
    let stop = AtomicBool::new(false);
    let work = &work;
    let stop_flag = &stop;
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            pool.in_place_scope(|tasks| {
                let mut items = items.enumerate();
                // A token first, then the item: never more than `window` items read.
                while token_receiver.recv().is_ok() && !stop_flag.load(Ordering::Relaxed) {
                    let Some((index, item)) = items.next() else { break };
                    let sender = result_sender.clone();
                    tasks.spawn(move |_| {
                        if !stop_flag.load(Ordering::Relaxed) {
                            // The consumer may be gone after an error: nothing to do then.
                            let _ = sender.send((index, work(item)));
                        }
                    });
                }
            });
            drop(result_sender);
        });
        let mut waiting: BTreeMap<usize, U> = BTreeMap::new();
        let mut next = 0usize;
        let mut outcome = Ok(());
        'receive: for (index, result) in &result_receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if let Err(error) = consume(result) {
                    outcome = Err(error);
                    break 'receive;
                }
                // The reader is gone once it has read every item: nothing to do then.
                let _ = token_sender.send(());
            }
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Unblock the reader, then let the items in flight end.
            drop(token_sender);
            for _ in &result_receiver {}
        }
        if let Err(panic) = reader.join() {
            std::panic::resume_unwind(panic);
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// Order is kept whatever the number of threads, even when later items finish first.
    #[test]
    fn keeps_input_order() {
        for jobs in [1, 2, 4] {
            let mut got = Vec::new();
            let result = map_ordered(
                0..200u64,
                jobs,
                8,
                |n| {
                    // Early items take longest.
                    std::thread::sleep(std::time::Duration::from_micros((200 - n) * 5));
                    n * 3
                },
                |value| {
                    got.push(value);
                    Ok::<_, ()>(())
                },
            );
            assert_eq!(result, Ok(()));
            assert_eq!(got, (0..200u64).map(|n| n * 3).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    /// No more than `window` items are read ahead of the consumer.
    #[test]
    fn memory_is_bounded_by_the_window() {
        let read = AtomicUsize::new(0);
        let mut consumed = 0usize;
        let mut most_ahead = 0usize;
        let items = (0..500usize).inspect(|_| {
            read.fetch_add(1, Ordering::SeqCst);
        });
        let result = map_ordered(
            items,
            2,
            6,
            |n| n,
            |_| {
                consumed += 1;
                most_ahead = most_ahead.max(read.load(Ordering::SeqCst) - consumed);
                Ok::<_, ()>(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(consumed, 500);
        assert!(most_ahead <= 6, "read {most_ahead} items ahead");
    }

    /// An error of the consumer stops the run and is returned.
    #[test]
    fn stops_at_the_first_error() {
        let started = AtomicUsize::new(0);
        let mut consumed = Vec::new();
        let result = map_ordered(
            0..10_000usize,
            2,
            4,
            |n| {
                started.fetch_add(1, Ordering::SeqCst);
                n
            },
            |n| {
                consumed.push(n);
                if n == 10 {
                    Err(format!("failed at {n}"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("failed at 10".to_owned()));
        assert_eq!(consumed, (0..=10).collect::<Vec<_>>());
        assert!(started.load(Ordering::SeqCst) < 100);
    }
}
