"""Kenesshi web app (Streamlit). Start it with `make run` (or `streamlit run app.py`).

The first page, intake, is pages/common/intake.py; the other pages are pages/N_*.py; their shared setup
(language, navigation, the registry and the classifier, created once) is pages/common/ui.py. Every page is a
thin view over the `assistant` library.

This file stays this small on purpose: Streamlit installs it as sys.modules["__main__"], and the worker
processes that read uploaded files are started with multiprocessing's spawn, which imports the main module
again in every worker (as "__mp_main__"). Importing the app there would cost seconds per worker and start
the app in a process that has no browser session.
"""

if __name__ == "__main__":
    from pages.common.intake import main

    main()
